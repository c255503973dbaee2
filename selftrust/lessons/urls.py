from django.urls import path

from selftrust.lessons import views

app_name = "lessons"
urlpatterns = [
    path("lessons/", views.lesson_list, name="list"),
    path("lessons/<slug:slug>/", views.lesson_detail, name="detail"),
]
