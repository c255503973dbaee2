"""The two-factor step of a therapist's sign-in (see views_two_factor.py and two_factor.py)."""

from django.urls import path

from selftrust.care import views_two_factor

urlpatterns = [
    path("", views_two_factor.verify, name="two-factor"),
    path("set-up/", views_two_factor.set_up, name="two-factor-set-up"),
]
