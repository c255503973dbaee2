from django.urls import path

from selftrust.accounts import views

app_name = "accounts"
urlpatterns = [
    path("signup/", views.signup, name="signup"),
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("welcome/", views.welcome, name="welcome"),
    path("settings/", views.account_settings, name="settings"),
    path("settings/tokens/", views.create_token, name="create_token"),
    path("settings/tokens/<int:token_id>/revoke/", views.revoke_token, name="revoke_token"),
    path("settings/time-zone/", views.change_time_zone, name="time_zone"),
    path("settings/export/", views.export_data, name="export"),
    path("settings/delete/", views.delete_account, name="delete"),
]
