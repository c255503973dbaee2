"""Pages of care for the clinic (see views_clinic.py)."""

urlpatterns = []
