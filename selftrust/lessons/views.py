from django.http import Http404
from django.shortcuts import render

from selftrust.lessons.catalog import (
    ALL_LESSONS,
    EVIDENCE_LEVELS,
    lesson_or_none,
    related_lessons,
)


# No login needed: people may want to read before they decide to sign up.
def lesson_list(request):
    return render(request, "lessons/list.html", {"lessons": ALL_LESSONS})


def lesson_detail(request, slug):
    lesson = lesson_or_none(slug)
    if lesson is None:
        raise Http404("No such lesson")
    return render(
        request,
        "lessons/detail.html",
        {
            "lesson": lesson,
            "related": related_lessons(lesson),
            "evidence_levels": EVIDENCE_LEVELS.items(),
        },
    )
