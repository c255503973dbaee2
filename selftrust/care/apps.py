from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "selftrust.care"
    label = "care"
    verbose_name = "Care: a therapist beside the person"
