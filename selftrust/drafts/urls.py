from django.urls import path

from selftrust.drafts import views

app_name = "drafts"
urlpatterns = [
    path("drafts/<str:key>/", views.autosave, name="autosave"),
    path("drafts/<str:key>/discard/", views.discard, name="discard"),
]
