from django.urls import path

from selftrust.practices import views

app_name = "practices"
urlpatterns = [
    path("practice/", views.hub, name="hub"),
    path("practice/mine/", views.timeline, name="timeline"),
    path("practice/decisions/", views.decision_journal, name="decisions"),
    path("practice/trust/", views.trust_experiment_summary, name="trust_experiments"),
    path("practice/entries/<int:entry_id>/", views.entry_detail, name="entry"),
    path("practice/entries/<int:entry_id>/edit/", views.edit_entry, name="edit"),
    path("practice/entries/<int:entry_id>/delete/", views.delete_entry, name="delete"),
    path("practice/entries/<int:entry_id>/restore/", views.restore_entry, name="restore"),
    path("practice/entries/<int:entry_id>/review/", views.review_decision, name="review"),
    path("practice/<slug:slug>/new/", views.new_entry, name="new"),
]
