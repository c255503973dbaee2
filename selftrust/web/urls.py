from django.conf import settings
from django.urls import path

from selftrust.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
]
if settings.BENCH_HELLO:
    urlpatterns.append(path("bench/hello", views.hello, name="hello"))
