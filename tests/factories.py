from datetime import timedelta
from functools import cache

import factory
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from selftrust.accounts.models import ApiToken, User
from selftrust.assessments.instruments import INSTRUMENTS
from selftrust.assessments.models import AssessmentResponse
from selftrust.assessments.scoring import score
from selftrust.practices.catalog import PRACTICES
from selftrust.practices.models import Decision, Entry, ThoughtRecord
from selftrust.practices.services import describe_worksheet
from selftrust.promises.models import CheckIn, Outcome, Promise, Schedule
from selftrust.safety.models import SafetyPlan, TrustedPerson

PASSPHRASE = "quiet morning tea"


@cache
def _hashed_passphrase() -> str:
    # Argon2 is slow on purpose; hash once and share it across test users.
    return make_password(PASSPHRASE)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"person{n}")
    time_zone = "UTC"
    has_seen_welcome = True
    password = factory.LazyFunction(_hashed_passphrase)


class PromiseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Promise

    user = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"Rest for ten minutes ({n})")
    schedule = Schedule.DAILY
    weekdays = factory.LazyFunction(list)
    starts_on = factory.LazyAttribute(lambda o: o.user.local_today())


class CheckInFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CheckIn

    promise = factory.SubFactory(PromiseFactory)
    day = factory.LazyAttribute(lambda o: o.promise.user.local_today())
    outcome = Outcome.KEPT
    note = ""


def api_token_for(user) -> str:
    _token, secret = ApiToken.issue(user, "tests")
    return secret


# --- practices, questionnaires, the safety plan ----------------------------------------------


def worksheet_answers(practice) -> dict:
    """A valid answer to every question of a worksheet, as the form would save it."""
    answers = {}
    for spec in practice.fields:
        if spec.kind in ("text", "long"):
            answers[spec.name] = f"My words for {spec.name}"
        elif spec.kind == "scale":
            answers[spec.name] = (spec.low + spec.high) // 2
        elif spec.kind == "choice":
            choices = [c for group in (spec.groups or {}).values() for c in group] or spec.choices
            answers[spec.name] = choices[-1][0]
        elif spec.kind == "multi":
            answers[spec.name] = [value for value, _label in spec.choices[:2]]
    return answers


class EntryFactory(factory.django.DjangoModelFactory):
    """A worksheet entry with every question answered (decision journal and thought record
    entries come with DecisionFactory and ThoughtRecordFactory)."""

    class Meta:
        model = Entry

    user = factory.SubFactory(UserFactory)
    practice = "body-check-in"
    data = factory.LazyAttribute(lambda o: worksheet_answers(PRACTICES[o.practice]))
    title = factory.LazyAttribute(lambda o: describe_worksheet(PRACTICES[o.practice], o.data)[0])
    search_text = factory.LazyAttribute(
        lambda o: describe_worksheet(PRACTICES[o.practice], o.data)[1]
    )
    created_at = factory.LazyFunction(timezone.now)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    entry = factory.SubFactory(EntryFactory, practice="decision", data={})
    decision = factory.Sequence(lambda n: f"Whether to go to the party ({n})")
    options = "Go for an hour\nStay in"
    gut_says = "Go for an hour"
    confidence = 70
    chosen = "Went for an hour"
    review_on = factory.LazyAttribute(lambda o: o.entry.user.local_today() + timedelta(days=7))


class ThoughtRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThoughtRecord

    entry = factory.SubFactory(EntryFactory, practice="thought-record", data={})
    situation = "A friend didn't answer my message"
    automatic_thought = "They are tired of me"
    emotions = factory.LazyFunction(lambda: [{"emotion": "anxious", "before": 7, "after": 4}])
    belief_before = 8
    thinking_traps = factory.LazyFunction(lambda: ["mind-reading"])
    evidence_for = "They answered late last time too"
    evidence_against = "They were at work"
    balanced_thought = "They are probably busy"
    belief_after = 3


def _scored(o):
    return score(INSTRUMENTS[o.instrument_slug], o.answers)


class AssessmentResponseFactory(factory.django.DjangoModelFactory):
    """A completed questionnaire, scored by the real scoring code."""

    class Meta:
        model = AssessmentResponse

    user = factory.SubFactory(UserFactory)
    instrument_slug = "gad-7"
    answers = factory.LazyAttribute(
        lambda o: (
            [INSTRUMENTS[o.instrument_slug].min_value + 1]
            * len(INSTRUMENTS[o.instrument_slug].items)
        )
    )
    total = factory.LazyAttribute(lambda o: _scored(o).total)
    band = factory.LazyAttribute(lambda o: _scored(o).band.label if _scored(o).band else "")
    subscales = factory.LazyAttribute(lambda o: _scored(o).subscales)
    safety_alert = factory.LazyAttribute(lambda o: _scored(o).safety_alert)
    completed_at = factory.LazyFunction(timezone.now)


class TrustedPersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrustedPerson

    user = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Friend {n}")
    phone = "+44 20 7946 0000"
    email = factory.Sequence(lambda n: f"friend{n}@example.org")
    good_for = "Good listener"


class SafetyPlanFactory(factory.django.DjangoModelFactory):
    """A safety plan with two lines in every written section."""

    class Meta:
        model = SafetyPlan
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    warning_signs = "Not sleeping\nCancelling on friends"
    coping_on_my_own = "A hot shower\nWalk round the block"
    people_and_places = "The library\nThe café on the corner"
    asking_for_help = "My sister\nMy friend from the group"
    professionals = "My therapist (weekdays)\nEmergency services: call 999"
    safer_surroundings = "Ask my friend to keep my medication\nLeave the car keys with a neighbour"
    reasons_for_living = "My cat\nSeeing the sea again"

    @factory.post_generation
    def company_people(self, create, people, **kwargs):
        if create and people:
            self.company_people.set(people)

    @factory.post_generation
    def help_people(self, create, people, **kwargs):
        if create and people:
            self.help_people.set(people)


# Sign-in safety: invitations and recovery codes keep only digests, so these helpers return
# the secrets a test needs to type.


def invitation_for(created_by=None, **overrides) -> str:
    """An invitation (by a staff person, unless given), with its link's secret returned."""
    from selftrust.accounts.models import Invitation

    if created_by is None:
        created_by = UserFactory(is_staff=True)
    invitation, secret = Invitation.issue(created_by)
    if overrides:
        Invitation.objects.filter(pk=invitation.pk).update(**overrides)
    return secret


def recovery_codes_for(user) -> list[str]:
    from selftrust.accounts import recovery

    return recovery.issue_codes(user)
