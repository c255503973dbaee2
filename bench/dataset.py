"""The benchmark's data: one person with years of daily promises and check-ins.

Call `setup_django(data_dir, database_url)` first (it sets the environment before
django.setup()), then `generate(...)`. Everything here runs inside the benchmark process
against the same database the real server will read: a SQLite file in the data folder, or
the scratch PostgreSQL database bench/scratch_database.py made. The rows go in with
bulk_create in batches, which both databases take as they are.
"""

import os
import random
import statistics
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

# Texts without quotes or ampersands, so the same bytes appear in HTML and in JSON.
PROMISE_TEXTS = [
    "Drink a glass of water when I wake up",
    "Step outside for five minutes",
    "Rest for ten minutes when I notice I am tired",
    "Notice one thing that calms me and write it down",
    "Say no to one thing without explaining why",
]

# A realistic mix: mostly kept, some partly, some not this time, a few let go, some silence.
OUTCOME_WEIGHTS = {
    "kept": 0.66,
    "partly": 0.12,
    "not_this_time": 0.09,
    "let_go": 0.03,
    None: 0.10,  # no answer that day
}
NOTES = [
    "Tired after work",
    "Felt good",
    "Did it with a friend",
    "Forgot until late",
    "Small step, still counts",
]
USERNAME = "bench-person"


def bench_environment(data_dir: Path, database_url: str | None = None) -> dict[str, str]:
    """The environment for this process, `selftrust migrate` and `selftrust serve`.

    `database_url` is the scratch PostgreSQL database's; without it, SQLite in the fresh data
    folder. Never the DATABASE_URL that happens to be set in the shell: that one may hold
    real people's words.
    """
    env = dict(os.environ)
    env.pop("DATABASE_URL", None)
    env.pop("SELFTRUST_SECRET_KEY", None)
    env.update(
        {
            "SELFTRUST_DATA_DIR": str(data_dir),
            "DJANGO_SETTINGS_MODULE": "selftrust.settings",
            "SELFTRUST_DEBUG": "0",
            "SELFTRUST_BENCH_HELLO": "1",
            "SELFTRUST_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SELFTRUST_TIME_ZONE": "UTC",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def setup_django(data_dir: Path, database_url: str | None = None) -> None:
    env = bench_environment(data_dir, database_url)
    for name in set(os.environ) - set(env):
        del os.environ[name]
    os.environ.update(env)
    import django

    django.setup()


@dataclass
class Dataset:
    username: str
    user_id: int
    promise_texts: list[str]
    promises: int
    check_ins: int
    days: int
    session_key: str
    api_token: str
    outcome_counts: dict[str, int]
    seconds_to_build: float
    database: str  # "SQLite 3.40.1, journal mode wal" or "PostgreSQL 15.18"
    practice_entries: int = 0
    decisions: int = 0


def generate(days: int, promises: int, seed: int = 20240611) -> Dataset:
    """One person, `promises` daily promises started `days` days ago, with check-ins."""
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client

    from selftrust.accounts.models import ApiToken, User
    from selftrust.promises.models import CheckIn, Promise, Schedule, Status

    started = time.perf_counter()
    rng = random.Random(seed)
    outcomes = list(OUTCOME_WEIGHTS)
    weights = list(OUTCOME_WEIGHTS.values())
    counts: dict[str, int] = {str(o): 0 for o in outcomes}

    with transaction.atomic():
        user = User(username=USERNAME, time_zone="UTC", has_seen_welcome=True)
        # No passphrase hashing needed: the benchmark signs in with a session made here.
        user.set_unusable_password()
        user.save()
        today = user.local_today()
        starts_on = today - timedelta(days=days - 1)
        texts = [PROMISE_TEXTS[i % len(PROMISE_TEXTS)] for i in range(promises)]
        made = Promise.objects.bulk_create(
            [
                Promise(
                    user=user,
                    text=text,
                    schedule=Schedule.DAILY,
                    weekdays=[],
                    starts_on=starts_on,
                    status=Status.ACTIVE,
                )
                for text in texts
            ]
        )
        rows = []
        for promise in made:
            for offset in range(days):
                day = starts_on + timedelta(days=offset)
                outcome = rng.choices(outcomes, weights)[0]
                counts[str(outcome)] += 1
                if outcome is None:
                    continue
                note = rng.choice(NOTES) if rng.random() < 0.05 else ""
                rows.append(CheckIn(promise=promise, day=day, outcome=outcome, note=note))
        CheckIn.objects.bulk_create(rows, batch_size=2000)
        practice_entries, decisions = _practice_history(user, days, rng)

    client = Client()
    client.force_login(user)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    _token, secret = ApiToken.issue(user, "benchmark")

    database = describe_database()
    with connection.cursor() as cursor:
        # Fresh statistics for the query planner, as a long-lived database would have
        # (the same word in SQLite and PostgreSQL).
        cursor.execute("ANALYZE")
    counts["unanswered"] = counts.pop("None")
    return Dataset(
        username=user.username,
        user_id=user.pk,
        promise_texts=texts,
        promises=len(made),
        check_ins=CheckIn.objects.filter(promise__user=user).count(),
        days=days,
        session_key=session_key,
        api_token=secret,
        outcome_counts=counts,
        seconds_to_build=time.perf_counter() - started,
        database=database,
        practice_entries=practice_entries,
        decisions=decisions,
    )


def describe_database() -> str:
    """Which database the benchmark runs on, in a few words for the report."""
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA journal_mode")
            mode = cursor.fetchone()[0]
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}, journal mode {mode}"
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            return f"PostgreSQL {str(cursor.fetchone()[0]).split()[0]}"
    return connection.vendor


WORKSHEET_SAMPLES = {
    "win": {"win": "Went for a walk", "honoured": "Told a friend"},
    "self-compassion": {"moment": "A hard morning", "kind_words": "I am doing my best"},
    "grounding": {"before": 6, "exercise": "breathing", "after": 3},
    "body-check-in": {"where": "Shoulders", "sensation": "Tight", "intensity": 5},
    "emotion": {"emotion": "anxious", "intensity": 6, "makes_sense": "Busy week"},
    "mistake": {"what_happened": "Missed a call", "information": "I was overloaded"},
}


def _practice_history(user, days: int, rng: random.Random) -> tuple[int, int]:
    """About one practice entry a day, with a decision and a thought record most weeks."""
    from django.utils import timezone

    from selftrust.practices import services
    from selftrust.practices.catalog import PRACTICES
    from selftrust.practices.models import Decision, Entry, ThoughtRecord

    now = timezone.now()
    entries, decisions, thoughts = [], [], []
    for offset in range(days):
        created = now - timedelta(days=offset, hours=rng.randint(0, 12))
        kind = rng.choices(["worksheet", "decision", "thought"], [0.72, 0.14, 0.14])[0]
        entry = Entry(user=user, created_at=created)
        if kind == "worksheet":
            slug = rng.choice(list(WORKSHEET_SAMPLES))
            entry.practice = slug
            entry.data = dict(WORKSHEET_SAMPLES[slug])
            entry.title, entry.search_text = services.describe_worksheet(
                PRACTICES[slug], entry.data
            )
        elif kind == "decision":
            confidence = rng.randint(50, 100)
            served = rng.choices(["yes", "partly", "no", "cant_tell"], [0.6, 0.2, 0.15, 0.05])[0]
            decision = Decision(
                decision="Go out or stay in",
                gut_says="Stay in",
                confidence=confidence,
                review_on=(created + timedelta(days=7)).date(),
                instinct_served=served if offset > 7 else "",
                reviewed_at=created + timedelta(days=7) if offset > 7 else None,
            )
            entry.practice = "decision"
            entry.title, entry.search_text = services.describe_decision(decision)
            decisions.append((entry, decision))
        else:
            record = ThoughtRecord(
                situation="A friend did not reply",
                automatic_thought="They are upset with me",
                emotions=[{"emotion": "anxious", "before": 8, "after": 4}],
                belief_before=8,
                thinking_traps=["mind-reading"],
                balanced_thought="They are probably busy",
                belief_after=3,
            )
            entry.practice = "thought-record"
            entry.title, entry.search_text = services.describe_thought(record)
            thoughts.append((entry, record))
        entries.append(entry)
    Entry.objects.bulk_create(entries, batch_size=2000)
    for entry, record in decisions + thoughts:
        record.entry = entry
    Decision.objects.bulk_create([d for _e, d in decisions], batch_size=2000)
    ThoughtRecord.objects.bulk_create([t for _e, t in thoughts], batch_size=2000)
    return len(entries), len(decisions)


@dataclass
class ColdTiming:
    """track_record_for() with an empty cache: what the first view after a change pays."""

    runs: int
    fetch_ms: float
    compute_ms: float
    total_ms: float


def time_uncached_track_record(user_id: int, runs: int) -> ColdTiming:
    from collections import defaultdict

    from django.core.cache import cache

    from selftrust.accounts.models import User
    from selftrust.promises.models import CheckIn, Promise
    from selftrust.promises.track_record import build_track_record, track_record_for

    user = User.objects.get(pk=user_id)
    today = user.local_today()
    totals, fetches, computes = [], [], []
    for _ in range(runs):
        cache.clear()
        t0 = time.perf_counter()
        track_record_for(user, today)
        totals.append(time.perf_counter() - t0)

        # The same two steps apart: fetching the rows, then the pure computation.
        t0 = time.perf_counter()
        promises = list(Promise.objects.owned_by(user).order_by("created_at"))
        answers: dict[int, list] = defaultdict(list)
        rows = (
            CheckIn.objects.filter(promise__user=user, day__lte=today)
            .order_by("promise_id", "day")
            .values_list("promise_id", "day", "outcome")
        )
        for promise_id, day, outcome in rows.iterator(chunk_size=5000):
            answers[promise_id].append((day, outcome))
        t1 = time.perf_counter()
        build_track_record(promises, answers, today)
        t2 = time.perf_counter()
        fetches.append(t1 - t0)
        computes.append(t2 - t1)
    cache.clear()
    return ColdTiming(
        runs=runs,
        fetch_ms=statistics.median(fetches) * 1000,
        compute_ms=statistics.median(computes) * 1000,
        total_ms=statistics.median(totals) * 1000,
    )


def time_in_process(targets, runs: int, made_afresh: bool = False) -> dict[str, float]:
    """Median milliseconds per request through Django's test client: no network, no
    concurrency, so it shows what one request costs the server regardless of load.

    made_afresh: forget the kept pages (web/page_cache.py) before each request, so each page
    is made again, as the first look after any change is."""
    from django.core.cache import caches
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    medians = {}
    for target in targets:
        timings = []
        for index in range(runs + 5):  # the first five warm up caches and templates
            if made_afresh:
                caches["pages"].clear()
            started = time.perf_counter()
            response = client.get(target.path, headers=target.headers)
            elapsed = time.perf_counter() - started
            body = response.content
            if response.status_code != 200 or not all(m in body for m in target.markers):
                raise RuntimeError(
                    f"in-process {target.path} answered {response.status_code} "
                    "without the expected content"
                )
            if index >= 5:
                timings.append(elapsed * 1000)
        medians[target.name] = statistics.median(timings)
    return medians


def time_after_a_change(target, user_id: int, runs: int) -> float:
    """Median milliseconds of `target` (Today) right after the person's record changed.

    Today keeps what it shows of the promises under the person's record_version; a
    check-in bumps it, so the first view after every check-in reads the promises and this
    week's answers again. Bumping it before each request measures that view.
    """
    from django.db.models import F
    from django.test import Client

    from selftrust.accounts.models import User

    client = Client(HTTP_HOST="127.0.0.1")
    timings = []
    for index in range(runs + 5):
        User.objects.filter(pk=user_id).update(record_version=F("record_version") + 1)
        started = time.perf_counter()
        response = client.get(target.path, headers=target.headers)
        elapsed = time.perf_counter() - started
        if response.status_code != 200 or not all(m in response.content for m in target.markers):
            raise RuntimeError(f"in-process {target.path} answered {response.status_code}")
        if index >= 5:
            timings.append(elapsed * 1000)
    return statistics.median(timings)
