"""A lesson's body as a reader sees it: the template rendered, tags removed, entities decoded."""

import html
import math

from django.template.loader import render_to_string
from django.utils.html import strip_tags

from selftrust.lessons.catalog import Lesson

WORDS_PER_MINUTE = 200


def body_text(lesson: Lesson) -> str:
    return html.unescape(strip_tags(render_to_string(lesson.body_template)))


def word_count(lesson: Lesson) -> int:
    return len(body_text(lesson).split())


def reading_minutes(lesson: Lesson) -> int:
    return math.ceil(word_count(lesson) / WORDS_PER_MINUTE)
