"""`selftrust worker`: the background worker. Runs the queued tasks (django-tasks' database
backend, so the queue lives in the same database), and enqueues the periodic ones: due
reminders every minute, upkeep every hour.

Any number of workers may run against one database (one beside each app server is usual):
each queued task is claimed by one worker, each periodic slot is enqueued by one, and the
reminder log lets no reminder go twice.

  selftrust worker                    run until stopped (Ctrl+C, SIGTERM)
  selftrust worker --once             enqueue what is due now, run the queue empty, exit
                                      (for a cron job instead of a long-running worker)
  selftrust worker --stop-with-parent stop when the process that started it has gone
                                      (used by `selftrust serve`)
"""

import logging
import os
import signal
import threading
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.compat import DEFAULT_TASK_BACKEND_ALIAS, DEFAULT_TASK_QUEUE_NAME
from django_tasks_db.compat import task_backends as backends
from django_tasks_db.management.commands.db_worker import Worker, valid_interval

from selftrust.upkeep.schedule import enqueue_due_jobs, run_schedule

logger = logging.getLogger("selftrust.worker")
PARENT_CHECK_SECONDS = 2


def _stop_when_parent_goes(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            logger.warning("The process that started this worker has stopped; stopping too.")
            os.kill(os.getpid(), signal.SIGTERM)
            return


class Command(BaseCommand):
    help = "Run background work: due reminders every minute, upkeep every hour, queued tasks."

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="enqueue the periodic jobs due now, run every queued task, then exit",
        )
        parser.add_argument(
            "--interval",
            type=valid_interval,
            default=1.0,
            help="seconds to wait when the queue is empty (default: 1)",
        )
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="only run queued tasks; another worker enqueues the periodic ones",
        )
        parser.add_argument(
            "--stop-with-parent",
            action="store_true",
            help="stop when the process that started this one has stopped",
        )
        parser.add_argument("--worker-id", default=None, help="a name unique among workers")

    def handle(self, *, once, interval, schedule, stop_with_parent, worker_id, verbosity, **_):
        backend = backends[DEFAULT_TASK_BACKEND_ALIAS]
        if not isinstance(backend, DatabaseBackend):
            raise CommandError(
                "The worker needs the database task backend: in settings, "
                'TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}.'
            )
        self._configure_logging(verbosity)
        worker = Worker(
            queue_names=[DEFAULT_TASK_QUEUE_NAME],
            interval=interval,
            batch=once,
            backend_name=DEFAULT_TASK_BACKEND_ALIAS,
            startup_delay=not once,
            max_tasks=None,
            worker_id=worker_id or get_random_string(32),
            excluded_queue_names=[],
        )
        if once:
            if schedule:
                enqueue_due_jobs()
            worker.run()
            return

        stop = threading.Event()
        if schedule:
            threading.Thread(
                target=run_schedule, args=(stop,), name="selftrust-schedule", daemon=True
            ).start()
        if stop_with_parent:
            threading.Thread(
                target=_stop_when_parent_goes,
                args=(os.getppid(),),
                name="selftrust-parent-watch",
                daemon=True,
            ).start()
        logger.info(
            "Selftrust worker started%s.",
            ": reminders every minute, upkeep every hour" if schedule else " (queue only)",
        )
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()

    def _configure_logging(self, verbosity: int) -> None:
        # -v 1 (the default): the worker's start and stop, retries and failures; each task run
        # (one a minute) only from -v 2 on, so a quiet day leaves a quiet log.
        worker_level = logging.CRITICAL if verbosity == 0 else logging.INFO
        task_level = {0: logging.CRITICAL, 1: logging.WARNING, 2: logging.INFO}.get(
            verbosity, logging.DEBUG
        )
        levels = {
            "selftrust.worker": worker_level,
            "selftrust.reminders": worker_level,
            "selftrust.upkeep": worker_level,
            "django_tasks": task_level,
            "django_tasks_db": task_level,
        }
        for name, level in levels.items():
            named = logging.getLogger(name)
            named.setLevel(level)
            if not named.hasHandlers():
                named.addHandler(logging.StreamHandler(self.stdout))
