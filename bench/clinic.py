"""The clinic benchmark: `make bench-clinic` (or `DATABASE_URL=… .venv/bin/python bench/clinic.py`).

A clinic on PostgreSQL: 300 therapists and 10,000 people. One therapist, the one measured,
has a caseload of 100 people who share everything and have a year of daily data each
(promises and check-ins, mood, practice entries, monthly questionnaires); everyone else is
light (a promise, two weeks of check-ins, a couple of questionnaires) and linked to one of
the other therapists, sharing a few categories.

The caseload page and one person's page are measured next to hello-world in the same run,
with the same load generator, servers and report as bench/run.py (whose module docstring says
how). Target: p95 under 100 ms for both. The figures go to docs/benchmarks.md between the
bench-clinic:start and bench-clinic:end markers.
"""

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import dataset
import loadgen
import report
import run
import scratch_database

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "benchmarks.md"
P95_TARGET_MS = 100.0
THERAPISTS = 300
PEOPLE = 10_000
CASELOAD = 100
HEAVY_DAYS = 365
LIGHT_DAYS = 14
MEASURED_THERAPIST = "bench-therapist"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small clinic, few requests")
    parser.add_argument("--requests", type=int, help="requests per page (default 1000)")
    parser.add_argument("--duration", type=float, help="time limit per page, s (default 20)")
    parser.add_argument("--warmup", type=int, help="warm-up requests per page (default 100)")
    parser.add_argument("--rounds", type=int, help="rounds the pages take turns in (default 4)")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--client-processes", type=int)
    parser.add_argument("--servers", type=run._server_counts, default=[1, 2])
    parser.add_argument("--workers", type=int, default=run._default_workers())
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    quick = args.quick
    args.requests = args.requests or (100 if quick else 1000)
    args.duration = args.duration or (3.0 if quick else 20.0)
    args.warmup = args.warmup if args.warmup is not None else (10 if quick else 100)
    args.rounds = args.rounds or (1 if quick else 4)
    args.client_processes = args.client_processes or (os.cpu_count() or 1)
    args.therapists = 20 if quick else THERAPISTS
    args.people = 400 if quick else PEOPLE
    args.heavy_days = 60 if quick else HEAVY_DAYS
    if not os.environ.get("DATABASE_URL"):
        parser.error("the clinic benchmark runs on PostgreSQL: set DATABASE_URL")
    if args.output is None and not quick:
        args.output = DEFAULT_OUTPUT
    return args


@dataclass
class Clinic:
    therapists: int
    people: int
    caseload: int
    heavy_days: int
    rows: dict[str, int]
    session_key: str
    person_id: int
    seconds_to_build: float
    database: str


def _users(prefix: str, count: int, **fields):
    from selftrust.accounts.models import User

    users = []
    for index in range(count):
        user = User(username=f"{prefix}-{index:05d}", time_zone="UTC", has_seen_welcome=True)
        user.password = "!"  # unusable: the benchmark signs in with a session made here
        for name, value in fields.items():
            setattr(user, name, value)
        users.append(user)
    return User.objects.bulk_create(users, batch_size=2000)


def _year_of_days(person, days: int, today, rng, rows) -> None:
    """A promise-keeper's year: three daily promises, check-ins, mood, entries, questionnaires."""
    from django.utils import timezone

    from selftrust.assessments.instruments import INSTRUMENTS
    from selftrust.assessments.models import AssessmentResponse
    from selftrust.assessments.scoring import score
    from selftrust.insights.models import DailyCheck
    from selftrust.practices.models import Entry
    from selftrust.promises.models import CheckIn, Promise, Schedule

    starts_on = today - timedelta(days=days - 1)
    promises = Promise.objects.bulk_create(
        Promise(
            user=person,
            text=dataset.PROMISE_TEXTS[i],
            schedule=Schedule.DAILY,
            weekdays=[],
            starts_on=starts_on,
        )
        for i in range(3 if days > LIGHT_DAYS else 1)
    )
    outcomes = [o for o in dataset.OUTCOME_WEIGHTS if o]
    for promise in promises:
        for offset in range(days):
            if rng.random() < 0.1:
                continue
            rows.setdefault("check_ins", []).append(
                CheckIn(
                    promise=promise,
                    day=starts_on + timedelta(days=offset),
                    outcome=rng.choices(outcomes, [0.7, 0.13, 0.1, 0.03])[0],
                )
            )
    now = timezone.now()
    if days > LIGHT_DAYS:
        for offset in range(days):
            rows.setdefault("daily_checks", []).append(
                DailyCheck(
                    user=person,
                    day=today - timedelta(days=offset),
                    mood=rng.randint(1, 5),
                    energy=rng.randint(1, 5),
                )
            )
            if offset % 3 == 0:
                rows.setdefault("entries", []).append(
                    Entry(
                        user=person,
                        practice="win",
                        data={"win": "I asked for what I needed"},
                        title="I asked for what I needed",
                        search_text="I asked for what I needed",
                        created_at=now - timedelta(days=offset, hours=2),
                    )
                )
    every = 30 if days > LIGHT_DAYS else 7
    for slug in ("phq-9", "gad-7"):
        instrument = INSTRUMENTS[slug]
        for offset in range(0, days, every):
            answers = [rng.randint(0, 2) for _ in instrument.items]
            if slug == "phq-9":
                answers[-1] = 0
            result = score(instrument, answers)
            rows.setdefault("responses", []).append(
                AssessmentResponse(
                    user=person,
                    instrument_slug=slug,
                    answers=answers,
                    total=result.total,
                    band=result.band.label if result.band else "",
                    subscales=result.subscales,
                    safety_alert=result.safety_alert,
                    completed_at=now - timedelta(days=offset),
                )
            )


def _flush(rows, batch=5000) -> None:
    from selftrust.assessments.models import AssessmentResponse
    from selftrust.insights.models import DailyCheck
    from selftrust.practices.models import Entry
    from selftrust.promises.models import CheckIn

    models = {
        "check_ins": CheckIn,
        "daily_checks": DailyCheck,
        "entries": Entry,
        "responses": AssessmentResponse,
    }
    for name, model in models.items():
        if rows.get(name):
            model.objects.bulk_create(rows[name], batch_size=batch)
            rows.setdefault("_counts", {}).setdefault(name, 0)
            rows["_counts"][name] += len(rows[name])
            rows[name] = []


def generate(args, seed: int = 20261126) -> Clinic:
    from django.conf import settings
    from django.db import connection, transaction
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from selftrust.care import categories
    from selftrust.care.models import CareLink

    started = time.perf_counter()
    rng = random.Random(seed)
    everything = [category.slug for category in categories.all_categories()]
    light_share = [categories.PROMISES, categories.QUESTIONNAIRES, categories.MOOD]
    rows: dict = {}
    with transaction.atomic():
        therapists = _users("therapist", args.therapists - 1, is_therapist=True)
        measured = _users(MEASURED_THERAPIST, 1, is_therapist=True)[0]
        people = _users("person", args.people)
        today = measured.local_today()
        caseload, others = people[:CASELOAD], people[CASELOAD:]
        links = [
            CareLink(person=person, therapist=measured, shared=everything) for person in caseload
        ]
        links += [
            CareLink(person=person, therapist=therapists[i % len(therapists)], shared=light_share)
            for i, person in enumerate(others)
        ]
        CareLink.objects.bulk_create(links, batch_size=5000)
        for index, person in enumerate(people):
            heavy = index < CASELOAD
            _year_of_days(person, args.heavy_days if heavy else LIGHT_DAYS, today, rng, rows)
            if index % 200 == 199:
                _flush(rows)
        _flush(rows)
        device = TOTPDevice.objects.create(user=measured, name="bench", confirmed=True)

    client = Client()
    client.force_login(measured)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return Clinic(
        therapists=args.therapists,
        people=args.people,
        caseload=CASELOAD,
        heavy_days=args.heavy_days,
        rows=rows.get("_counts", {}),
        session_key=session_key,
        person_id=caseload[0].pk,
        seconds_to_build=time.perf_counter() - started,
        database=dataset.describe_database(),
    )


def targets(clinic: Clinic, cookie: str) -> list[loadgen.Target]:
    from django.urls import reverse

    page = {"Cookie": cookie, "Accept": "text/html"}
    return [
        loadgen.Target("Hello world", "/bench/hello", {}, (b"Hello, world",)),
        loadgen.Target(
            "Caseload of 100",
            reverse("care:therapist-caseload"),
            page,
            (b"person-00000",),
        ),
        loadgen.Target(
            "Caseload by last activity",
            reverse("care:therapist-caseload") + "?sort=activity",
            page,
            (b"person-000",),
        ),
        loadgen.Target(
            "A person's page",
            reverse("care:therapist-person", args=[clinic.person_id]),
            page,
            (b"person-00000",),
        ),
    ]


def section(args, info, clinic: Clinic, runs, in_process) -> str:
    lines = [
        "<!-- bench-clinic:start -->",
        f"Measured {info['date']} at commit `{info['commit']}` on {info['cpu']}, "
        f"{info['memory']}; {clinic.database}.",
        "",
        f"Clinic: {clinic.therapists} therapists, {clinic.people:,} people. The measured "
        f"therapist's caseload: {clinic.caseload} people sharing every category, each with "
        f"{clinic.heavy_days} days of data; everyone else {LIGHT_DAYS} days. Rows: "
        + ", ".join(f"{name.replace('_', ' ')} {count:,}" for name, count in clinic.rows.items())
        + f". Built in {clinic.seconds_to_build:.0f} s.",
        "",
        f"Load: {args.concurrency} keep-alive connections, {args.requests} requests per page "
        f"in {args.rounds} rounds after {args.warmup} warm-up requests; "
        f"{args.workers} workers × {args.threads} threads per server. "
        f"Target: p95 under {P95_TARGET_MS:.0f} ms.",
        "",
    ]
    for servers, results in runs:
        lines.append(f"**{servers} server(s)**")
        lines.append("")
        lines.append("| Page | Path | OK | Errors | p50 ms | p95 ms | req/s | p95 < 100 ms |")
        lines.append("|---|---|---|---|---|---|---|---|")
        for r in results:
            met = "—" if r.name == "Hello world" else ("yes" if r.p95 < P95_TARGET_MS else "no")
            lines.append(
                f"| {r.name} | `{r.path}` | {r.ok} | {r.errors} | {r.p50:.1f} | {r.p95:.1f} "
                f"| {r.rps:.0f} | {met} |"
            )
        lines.append("")
    kept, afresh = in_process
    lines += [
        "In-process (Django's test client, no network, median of 20; every look writes its "
        "audit rows either way): the pages are kept as rendered until the therapist, a link "
        "or anyone on the page changes something (`selftrust/web/page_cache.py`), so the load "
        "above measures the kept path; *made afresh* is the first look after a change.",
        "",
        "| Page | Kept ms | Made afresh ms |",
        "|---|---:|---:|",
        *(f"| {name} | {kept[name]:.1f} | {afresh[name]:.1f} |" for name in kept),
        "",
    ]
    lines.append(f"Load average at the end: {info['load_end']}.")
    lines.append("<!-- bench-clinic:end -->")
    return "\n".join(lines)


def write(path: Path, text: str) -> None:
    current = path.read_text() if path.exists() else ""
    start, end = "<!-- bench-clinic:start -->", "<!-- bench-clinic:end -->"
    if start in current and end in current:
        before = current.split(start)[0]
        after = current.split(end, 1)[1]
        path.write_text(before + text + after)
    else:
        path.write_text(current.rstrip() + "\n\n## The clinic (PostgreSQL)\n\n" + text + "\n")


def measure(args, env, clinic: Clinic, data_dir: Path, servers: int):
    running = []
    try:
        for index in range(servers):
            running.append(
                run.Server(
                    env, args.workers, args.threads, data_dir / f"clinic-{servers}-{index}.log"
                )
            )
        for server in running:
            server.wait_until_healthy()
        ports = [server.port for server in running]
        measured = targets(clinic, f"sessionid={clinic.session_key}")
        for target in measured:
            loadgen.run(
                ports,
                target,
                requests=args.warmup,
                duration_s=max(2.0, args.duration / 4),
                concurrency=args.concurrency,
                processes=args.client_processes,
                check_stop=run._check_stop,
            )
        parts = {target.name: [] for target in measured}
        per_round = loadgen.split(args.requests, args.rounds)
        for round_index in range(args.rounds):
            for target in measured:
                part = loadgen.run(
                    ports,
                    target,
                    requests=per_round[round_index],
                    duration_s=args.duration / args.rounds,
                    concurrency=args.concurrency,
                    processes=args.client_processes,
                    check_stop=run._check_stop,
                )
                print(
                    f"{servers} server(s), round {round_index + 1} {target.name}: "
                    f"{part.ok} ok, {part.errors} errors, p95 {part.p95:.1f} ms",
                    flush=True,
                )
                for sample in part.error_samples[:2]:
                    print(f"   {sample}")
                parts[target.name].append(part)
        return [loadgen.merge(parts[target.name]) for target in measured]
    finally:
        for server in running:
            server.stop()


def benchmark(args, data_dir: Path, database_url: str) -> int:
    env = dataset.bench_environment(data_dir, database_url)
    subprocess.run(
        [run._selftrust_command(), "migrate"], cwd=ROOT, env=env, check=True, timeout=300
    )
    dataset.setup_django(data_dir, database_url)
    print(f"Generating a clinic: {args.therapists} therapists, {args.people} people…", flush=True)
    clinic = generate(args)
    print(f"  built in {clinic.seconds_to_build:.0f} s: {clinic.rows}", flush=True)
    pages = targets(clinic, f"sessionid={clinic.session_key}")[1:]
    in_process = (
        dataset.time_in_process(pages, runs=20),
        dataset.time_in_process(pages, runs=20, made_afresh=True),
    )
    for name in in_process[0]:
        print(
            f"  in-process {name}: kept {in_process[0][name]:.1f} ms, "
            f"made afresh {in_process[1][name]:.1f} ms",
            flush=True,
        )
    from django.db import connections

    connections.close_all()
    info = report.machine(clinic.database)
    info["date"] = report.now()
    info["commit"] = report.git_revision(ROOT)
    runs = []
    for servers in args.servers:
        results = measure(args, env, clinic, data_dir, servers)
        runs.append((servers, results))
        for r in results:
            print(
                f"{servers} server(s) {r.name}: p50 {r.p50:.1f} p95 {r.p95:.1f} ms, {r.errors} errors"
            )
    info["load_end"] = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    text = section(args, info, clinic, runs, in_process)
    if args.output:
        write(args.output, text)
        print(f"Wrote {args.output}")
    errors = sum(r.errors for _s, results in runs for r in results)
    met = all(
        r.p95 < P95_TARGET_MS for _s, results in runs for r in results if r.name != "Hello world"
    )
    print(f"Target met: {'yes' if met else 'no'}. Errors: {errors}.")
    return 1 if errors else 0


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGINT, run._on_signal)
    signal.signal(signal.SIGTERM, run._on_signal)
    data_dir = Path(tempfile.mkdtemp(prefix="selftrust-clinic-"))
    try:
        with scratch_database.scratch_database(os.environ["DATABASE_URL"]) as scratch:
            print(f"Scratch database: {scratch.name} (dropped at the end)")
            return benchmark(args, data_dir, scratch.url)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
