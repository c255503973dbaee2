from django.apps import AppConfig


class AssessmentsConfig(AppConfig):
    name = "selftrust.assessments"
    label = "assessments"
