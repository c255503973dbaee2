from django.conf import settings
from django.urls import path

from selftrust.web import installable_views, views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("healthz", views.healthz, name="healthz"),
    # Installable, and there when the network is not (installable.py).
    path("manifest.webmanifest", installable_views.manifest, name="manifest"),
    path("sw.js", installable_views.service_worker, name="service_worker"),
    path("offline/", installable_views.offline, name="offline"),
    path("offline/help/", installable_views.offline_help, name="offline_help"),
]
if settings.BENCH_HELLO:
    urlpatterns.append(path("bench/hello", views.hello, name="hello"))
