from django.urls import path

from selftrust.insights import views

app_name = "insights"
urlpatterns = [
    path("daily-check/", views.daily_check, name="daily_check"),
    path("daily-check/not-today/", views.skip_daily_check, name="skip_daily_check"),
]
