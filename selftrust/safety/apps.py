from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "selftrust.safety"
    label = "safety"
