"""Pages of care for the therapist (see views_therapist.py)."""

from django.urls import path

from selftrust.care import views_therapist as views

urlpatterns = [
    path("", views.caseload, name="therapist-caseload"),
    path("accept/", views.accept, name="therapist-accept"),
    path("people/<int:person_id>/", views.person, name="therapist-person"),
    path("people/<int:person_id>/entries/<int:entry_id>/", views.entry, name="therapist-entry"),
    path("people/<int:person_id>/homework/", views.set_homework, name="therapist-homework"),
    path("people/<int:person_id>/summary/", views.summary, name="therapist-summary"),
    path(
        "people/<int:person_id>/session-held/",
        views.session_held,
        name="therapist-session-held",
    ),
    path("people/<int:person_id>/end/", views.end, name="therapist-end"),
]
