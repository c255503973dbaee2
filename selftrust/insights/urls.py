from django.urls import path

from selftrust.insights import views

app_name = "insights"
urlpatterns = [
    path("daily-check/", views.daily_check, name="daily_check"),
    path("daily-check/not-today/", views.skip_daily_check, name="skip_daily_check"),
    path("progress/", views.progress, name="progress"),
    path("calendar/", views.calendar, name="calendar"),
    path("weekly-review/", views.weekly_reviews, name="weekly_reviews"),
    path("weekly-review/new/", views.weekly_review_new, name="weekly_review_new"),
    path("weekly-review/<int:review_id>/", views.weekly_review_detail, name="weekly_review"),
    path(
        "weekly-review/<int:review_id>/edit/", views.weekly_review_edit, name="weekly_review_edit"
    ),
]
