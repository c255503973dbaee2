"""What a person's own practice suggests for their safety plan ("closing the loop").

Only ever offered, never written into the plan: the person adds what fits, in their words.
- Things I can do on my own: the grounding exercises that lowered their distress most.
- Warning signs: the hot thoughts of their recent thought records that they believed most.
"""

from selftrust.practices import reflections
from selftrust.practices.models import Entry, ThoughtRecord

# A drop this large on the 0–10 distress scale, on average, counts as helping (10 on 0–100).
HELPFUL_DROP = 1
# Only thoughts believed at least this much (0–10) are offered as warning signs (60 on 0–100).
STRONG_BELIEF = 6
MOST_SUGGESTIONS = 3
_LONGEST_THOUGHT = 120


def for_plan(user) -> dict[str, list[str]]:
    """Suggestions per plan section field, most telling first."""
    sessions = Entry.objects.owned_by(user).visible().filter(practice="grounding")
    helpful = [
        effect
        for effect in reflections.grounding_effects(entry.data for entry in sessions)
        if -effect.mean_change >= HELPFUL_DROP
    ]
    thoughts = (
        ThoughtRecord.objects.filter(
            entry__user=user, entry__deleted_at__isnull=True, belief_before__gte=STRONG_BELIEF
        )
        .order_by("-entry__created_at")
        .values_list("automatic_thought", flat=True)[: MOST_SUGGESTIONS * 2]
    )
    warning_signs = []
    for thought in thoughts:
        line = " ".join(thought.split())[:_LONGEST_THOUGHT]
        suggestion = f"The thought “{line}”"
        if line and suggestion not in warning_signs:
            warning_signs.append(suggestion)
    return {
        "coping_on_my_own": [effect.name for effect in helpful[:MOST_SUGGESTIONS]],
        "warning_signs": warning_signs[:MOST_SUGGESTIONS],
    }
