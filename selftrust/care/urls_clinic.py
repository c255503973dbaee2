"""Pages of care for the clinic (see views_clinic.py)."""

from django.urls import path

from selftrust.care import views_clinic

urlpatterns = [
    path("therapists/", views_clinic.therapists, name="clinic-therapists"),
    path("therapists/new/", views_clinic.create_therapist, name="clinic-create-therapist"),
    path(
        "therapists/<int:user_id>/switch-off/",
        views_clinic.switch_off_therapist,
        name="clinic-switch-off-therapist",
    ),
]
