from django.urls import path

from selftrust.promises import views

app_name = "promises"
urlpatterns = [
    path("today/", views.today, name="today"),
    path("promises/", views.promise_list, name="list"),
    path("promises/new/", views.promise_create, name="create"),
    path("promises/<int:promise_id>/edit/", views.promise_edit, name="edit"),
    path("promises/<int:promise_id>/status/", views.promise_status, name="status"),
    path("promises/<int:promise_id>/check-in/", views.check_in, name="check_in"),
    path("track-record/", views.track_record, name="track_record"),
]
