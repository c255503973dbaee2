from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "selftrust.web"
    label = "web"
