from django.shortcuts import render

from selftrust.safety.resources import crisis_resources

GROUNDING_STEPS = [
    (5, "things you can see", "Let your eyes move slowly. A colour, a shape, a patch of light."),
    (4, "things you can feel", "Your feet on the floor, the fabric on your skin, the air."),
    (3, "things you can hear", "Near and far. There is no wrong answer."),
    (2, "things you can smell", "Or two smells you like, if nothing is there right now."),
    (1, "thing you can taste", "Or one kind thing you can say to yourself."),
]


def ground(request):
    return render(request, "safety/ground.html", {"steps": GROUNDING_STEPS})


def get_help(request):
    return render(request, "safety/help.html", {"resources": crisis_resources()})
