from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "selftrust.insights"
    label = "insights"
