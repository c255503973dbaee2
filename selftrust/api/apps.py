from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "selftrust.api"
    label = "api"
