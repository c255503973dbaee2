"""Pages of care for the person (see views_person.py)."""

urlpatterns = []
