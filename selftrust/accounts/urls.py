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
    path("settings/export/spreadsheets/", views.export_spreadsheets, name="export_csv"),
    path("settings/import/", views.import_data, name="import"),
    path("settings/delete/", views.delete_account, name="delete"),
    # Sign-in safety
    path("forgot-passphrase/", views.recover, name="recover"),
    path("recovery-codes/", views.recovery_codes, name="recovery_codes"),
    path("settings/passphrase/", views.change_passphrase, name="change_passphrase"),
    path("settings/recovery-codes/", views.new_recovery_codes, name="new_recovery_codes"),
    path("settings/sign-out-everywhere/", views.sign_out_everywhere, name="sign_out_everywhere"),
    path("settings/invitations/", views.create_invitation, name="create_invitation"),
    path(
        "settings/invitations/<int:invitation_id>/withdraw/",
        views.withdraw_invitation,
        name="withdraw_invitation",
    ),
    # Privacy on a shared phone: the lock, Leave quickly, how long a sign-in lasts.
    path("lock/", views.lock_page, name="lock"),
    path("lock/now/", views.lock_now, name="lock_now"),
    path("lock/still-here/", views.still_here, name="still_here"),
    path("leave/", views.leave_quickly, name="leave"),
    path("away/", views.away, name="away"),
    path("settings/device/", views.save_device_privacy, name="device_privacy"),
    path("settings/pin/", views.set_lock_pin, name="set_pin"),
    path("settings/pin/remove/", views.remove_lock_pin, name="remove_pin"),
]
