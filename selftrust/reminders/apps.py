from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "selftrust.reminders"
    label = "reminders"

    def ready(self) -> None:
        from selftrust.reminders import checks  # noqa: F401  (registers the system checks)
