from django.apps import AppConfig


class LessonsConfig(AppConfig):
    name = "selftrust.lessons"
    label = "lessons"
