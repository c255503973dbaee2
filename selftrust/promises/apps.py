from django.apps import AppConfig


class PromisesConfig(AppConfig):
    name = "selftrust.promises"
    label = "promises"
