from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from tuuma.web import views as web_views

handler403 = web_views.error_403
handler404 = web_views.error_404
handler500 = web_views.error_500

urlpatterns = [
    path("api/v1/", include("tuuma.api.urls")),
    path("favicon.ico", web_views.favicon),
]

urlpatterns += i18n_patterns(
    path("ideat/", include("tuuma.ideas.urls")),
    path("ohjelma/", include("tuuma.programme.urls")),
    path("tapahtumalokit/", include("tuuma.caselog.urls")),
    path("prosessit/", include("tuuma.processes.urls")),
    path("saavutettavuus/", include("tuuma.accessibility.urls")),
    path("kehittaminen/", include("tuuma.improvement.urls")),
    path("osaaminen/", include("tuuma.competence.urls")),
    path("tyopajat/", include("tuuma.workshops.urls")),
    path("kuulemiset/", include("tuuma.hearings.urls")),
    path("tuottavuus/", include("tuuma.productivity.urls")),
    path("osallistuva-budjetointi/", include("tuuma.budgeting.urls")),
    path("tilannekuva/", include("tuuma.insights.urls")),
    path("loki/", include("tuuma.audit.urls")),
    path("", include("tuuma.web.urls")),
    path("tili/", include("tuuma.accounts.urls")),
    path("tyot/", include("tuuma.jobs.urls")),
    path("hallinta/", admin.site.urls),
    prefix_default_language=False,
)
