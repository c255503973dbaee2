from django.apps import AppConfig


class UpkeepConfig(AppConfig):
    name = "selftrust.upkeep"
    label = "upkeep"
