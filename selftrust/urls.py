from django.urls import include, path

from selftrust.api.api import api

urlpatterns = [
    path("", include("selftrust.web.urls")),
    path("", include("selftrust.safety.urls")),
    path("", include("selftrust.accounts.urls")),
    path("", include("selftrust.promises.urls")),
    path("", include("selftrust.assessments.urls")),
    path("", include("selftrust.practices.urls")),
    path("", include("selftrust.lessons.urls")),
    path("", include("selftrust.drafts.urls")),
    path("", include("selftrust.insights.urls")),
    path("", include("selftrust.reminders.urls")),
    path("", include("selftrust.care.urls")),
    path("api/v1/", api.urls),
]

handler404 = "selftrust.web.views.not_found"
handler500 = "selftrust.web.views.server_error"
