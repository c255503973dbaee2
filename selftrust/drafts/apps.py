from django.apps import AppConfig


class DraftsConfig(AppConfig):
    name = "selftrust.drafts"
    label = "drafts"
