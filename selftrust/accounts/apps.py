from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "selftrust.accounts"
    label = "accounts"

    def ready(self):
        from selftrust.accounts import data_version

        data_version.connect()
