"""The families of crisis language the screener must read by meaning, and the everyday
sentences that look like them and must not alarm anyone.

These sentences were written for these tests (not taken from any labelled set), one family
at a time, as the crisis-moment issue names them. They are development sentences: the
honest measure on new wording is the first look at each blind set in docs/benchmarks.md.
"""

import socket
import subprocess
import sys

import pytest

from selftrust.safety.screening import screen

CONDITIONAL_THREATS = [
    "If this scan comes back bad I'll kill myself.",
    "If that letter says no again, I'm going to end my life.",
    "If the court gives him the kids I'm done living.",
    "if they find out about the debt i'll kill myself",
    "If my landlord evicts us I will end it all.",
    "If I fail the resit I'm going to kill myself, I mean it.",
    "if she leaves me this time im ending it for good",
]
PREPARATIONS_AND_MEANS = [
    "I've been saving up my tablets in a tin at the back of the wardrobe.",
    "Asked for a double prescription so I'd have enough put aside.",
    "Tested the new blade on my arm to see if it was sharp enough.",
    "Bought rope today. I know what it's for.",
    "ive got a stash of pills now, just in case i decide",
]
GOODBYES_AND_FINAL_ARRANGEMENTS = [
    "Wrote notes for mum and my brother, just in case.",
    "Gave the cat to Jess for good. She doesn't know why.",
    "signing off for good, take care all x",
    "Put my will and the passwords in an envelope for whoever finds me.",
    "Handed my grandad's watch to my nephew, I won't need it where I'm going.",
]
METHOD_CONTEMPLATION = [
    "Stood on the bridge again tonight wondering if it would be high enough.",
    "Kept looking at the lorries on the motorway and thinking one step would do it.",
    "I sat by the railway line for an hour waiting for the nerve.",
    "Thought about leaving the car running in the garage with the door shut.",
    "Walked into the sea up to my waist and thought about just carrying on.",
]
INDIFFERENCE_AND_NO_WAY_OUT = [
    "I honestly don't mind whether I wake up tomorrow or not.",
    "There's no reason left for me to stay.",
    "Dying feels like the only way out of this now.",
    "wouldnt care if i didnt make it through the night tbh",
    "Everyone would be better off if I just wasn't here any more.",
]
STOPPING_TREATMENT_TO_DIE = [
    "I've stopped taking my insulin. Let it happen.",
    "Skipped dialysis on purpose this week; I want it to be over.",
    "Stopped my heart tablets so it'll happen sooner.",
]
A_PLAN_WITH_A_TIME = [
    "Tonight after everyone's asleep I'm going to do it.",
    "Friday when the flat is empty. That's when.",
    "I've picked the date, the 14th, after the kids go to their dad's.",
]
SELF_HARM_AND_RECENT_ATTEMPTS = [
    "Cut my arms again last night, deeper than before.",
    "Burned myself with the lighter so I could feel something.",
    "Last week I took an overdose and woke up in hospital, and I'm angry I did.",
    "The urge to hurt myself is so loud today.",
]

CRISIS = (
    CONDITIONAL_THREATS
    + PREPARATIONS_AND_MEANS
    + GOODBYES_AND_FINAL_ARRANGEMENTS
    + METHOD_CONTEMPLATION
    + INDIFFERENCE_AND_NO_WAY_OUT
    + STOPPING_TREATMENT_TO_DIE
    + A_PLAN_WITH_A_TIME
    + SELF_HARM_AND_RECENT_ATTEMPTS
)

SLEEP_AND_WAKING = [
    "Up since five, couldn't get back to sleep.",
    "I hope I wake up before the alarm tomorrow, the bus leaves early.",
    "Slept for eleven hours and still feel tired.",
]
LAST_THINGS_THAT_ARE_NOT_FINAL = [
    "The last page of this notebook before the trip.",
    "Last shift before my holiday, thank goodness.",
    "Said goodbye to my old flat today, the new one is lovely.",
]
WANTING_A_PAUSE = [
    "I need the noise to stop for an hour.",
    "I want to disappear under a blanket all weekend.",
    "Wish I could switch my brain off for a bit.",
]
HISTORY_LONG_PAST_AND_RESOLVED = [
    "Years ago I used to self-harm, and today I'm proud how far I've come.",
    "My attempt was fifteen years ago; I'm in a good place now and I mentor others.",
]
IDIOMS_DENIALS_AND_OTHERS = [
    "This commute is killing me.",
    "I'm not suicidal, just worn out by the week.",
    "My friend told me she'd been self-harming and we called her GP together.",
    "Chopped onions with the new knife and cut my thumb, ouch.",
    "Took my antidepressant as usual with breakfast.",
]

SAFE = (
    SLEEP_AND_WAKING
    + LAST_THINGS_THAT_ARE_NOT_FINAL
    + WANTING_A_PAUSE
    + HISTORY_LONG_PAST_AND_RESOLVED
    + IDIOMS_DENIALS_AND_OTHERS
)


@pytest.mark.parametrize("text", CRISIS)
def test_each_family_of_crisis_language_is_noticed(text):
    assert screen(text).crisis


@pytest.mark.parametrize("text", SAFE)
def test_everyday_sentences_that_look_alike_raise_no_alarm(text):
    assert not screen(text).crisis, screen(text).matched


def test_a_crisis_sentence_in_a_long_ordinary_entry_is_still_noticed():
    ordinary = (
        "Went to the market with Sam and bought apples, then we walked along the canal and "
        "talked about the garden. The tomatoes are finally red. Work was quiet. "
    )
    assert screen(ordinary * 3 + "I've stopped taking my insulin. Let it happen. " + ordinary)
    assert not screen(ordinary * 4)


def test_the_screener_never_opens_a_network_connection():
    """Run in a fresh interpreter where opening any socket fails loudly."""
    program = """
import socket, sys
def refuse(*args, **kwargs):
    raise AssertionError("the screener tried to open a network connection")
socket.socket = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from selftrust.safety.screening import screen
assert screen("If this scan comes back bad I'll kill myself.").crisis
assert not screen("Up since five, couldn't get back to sleep.").crisis
print("ok")
"""
    finished = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=60
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.strip() == "ok"
    assert socket.socket.__name__ == "socket"  # this process was left alone
