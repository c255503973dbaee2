from django.urls import include, path

app_name = "care"

# Three audiences, three modules: the person's pages, the therapist's workspace, the clinic's.
urlpatterns = [
    # A therapist's sign-in, after the passphrase (two_factor.py).
    path("care/two-factor/", include("selftrust.care.urls_two_factor")),
    path("care/", include("selftrust.care.urls_person")),
    path("care/therapist/", include("selftrust.care.urls_therapist")),
    path("care/clinic/", include("selftrust.care.urls_clinic")),
]
