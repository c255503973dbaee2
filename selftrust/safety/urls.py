from django.urls import path

from selftrust.safety import views

app_name = "safety"
urlpatterns = [
    path("ground/", views.ground, name="ground"),
    path("help/", views.get_help, name="help"),
]
