import sys

from django.core.management.base import BaseCommand

from selftrust.safety.screening import screen_lines


class Command(BaseCommand):
    help = (
        "Read lines from standard input and write one JSON object per line: "
        '{"text": ..., "crisis": true|false, "matched": [...]}. Needs no database.'
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def handle(self, *args, **options):
        screen_lines(sys.stdin, self.stdout._out)
