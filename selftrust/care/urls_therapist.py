"""Pages of care for the therapist (see views_therapist.py)."""

urlpatterns = []
