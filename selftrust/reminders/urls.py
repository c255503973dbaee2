from django.urls import path

from selftrust.reminders import views

app_name = "reminders"
urlpatterns = [
    path("settings/reminders/", views.reminder_settings, name="settings"),
    path("settings/reminders/pause/", views.pause, name="pause"),
    path(
        "settings/reminders/promises/<int:promise_id>/",
        views.promise_reminder,
        name="promise_reminder",
    ),
    path(
        "settings/reminders/devices/<int:device_id>/remove/",
        views.remove_device,
        name="remove_device",
    ),
    path("settings/reminders/email/", views.email_address, name="email"),
    path("settings/reminders/email/off/", views.email_off, name="email_off"),
    path(
        "settings/reminders/email/confirm/<str:token>/",
        views.confirm_email,
        name="confirm_email",
    ),
    path("settings/reminders/calendar/", views.calendar_on, name="calendar_on"),
    path("settings/reminders/calendar/off/", views.calendar_off, name="calendar_off"),
    path("reminders/push/key/", views.push_key, name="push_key"),
    path("reminders/push/subscribe/", views.push_subscribe, name="push_subscribe"),
    path("reminders/push/unsubscribe/", views.push_unsubscribe, name="push_unsubscribe"),
    path("calendar/<slug:secret>.ics", views.calendar, name="calendar_feed"),
]
