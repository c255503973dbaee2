"""Pages of care for the person (see views_person.py)."""

from django.urls import path

from selftrust.care import views_person as views
from selftrust.care.views_therapist import own_summary

urlpatterns = [
    path("", views.care_page, name="home"),
    path("invitations/", views.make_invitation, name="invite"),
    path(
        "invitations/<int:invitation_id>/withdraw/",
        views.withdraw_invitation,
        name="withdraw-invitation",
    ),
    path("links/<int:link_id>/sharing/", views.save_sharing, name="sharing"),
    path("links/<int:link_id>/end/", views.end_link, name="end-link"),
    path("links/<int:link_id>/session-held/", views.session_held, name="session-held"),
    path("who-looked/", views.who_looked, name="who-looked"),
    path("homework/<int:homework_id>/not-for-me/", views.not_for_me, name="not-for-me"),
    path("homework/<int:homework_id>/read/", views.lesson_read, name="lesson-read"),
    path("notes/", views.session_notes, name="notes"),
    path("notes/<int:note_id>/edit/", views.edit_note, name="note-edit"),
    path("notes/<int:note_id>/delete/", views.delete_note, name="note-delete"),
    path("notes/<int:note_id>/brought/", views.note_brought, name="note-brought"),
    path("summary/", own_summary, name="summary"),
]
