from django.urls import path

from selftrust.safety import views

app_name = "safety"
urlpatterns = [
    path("ground/", views.ground, name="ground"),
    path("help/", views.get_help, name="help"),
    path("help/country/", views.choose_region, name="region"),
    path("safety-plan/", views.plan, name="plan"),
    path("safety-plan/edit/", views.plan_edit, name="plan_edit"),
    path("safety-plan/delete/", views.plan_delete, name="plan_delete"),
    path("trusted-people/", views.people, name="people"),
    path("trusted-people/new/", views.person_create, name="person_create"),
    path("trusted-people/<int:person_id>/edit/", views.person_edit, name="person_edit"),
    path("trusted-people/<int:person_id>/delete/", views.person_delete, name="person_delete"),
]
