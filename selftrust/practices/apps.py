from django.apps import AppConfig


class PracticesConfig(AppConfig):
    name = "selftrust.practices"
    label = "practices"
