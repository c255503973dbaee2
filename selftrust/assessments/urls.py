from django.urls import path

from selftrust.assessments import views

app_name = "assessments"
urlpatterns = [
    path("assessments/", views.overview, name="overview"),
    path("assessments/results/<int:response_id>/", views.result, name="result"),
    path("assessments/results/<int:response_id>/fhir.json", views.fhir_export, name="fhir"),
    path("assessments/<slug:slug>/", views.take, name="take"),
    path("assessments/<slug:slug>/history/", views.history, name="history"),
]
