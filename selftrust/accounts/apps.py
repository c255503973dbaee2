from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "selftrust.accounts"
    label = "accounts"
