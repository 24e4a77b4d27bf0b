import subprocess
import sys

import pytest
from django.test import Client, override_settings
from django.urls import path

from tuuma.urls import urlpatterns as project_urls


def _boom(request):
    raise RuntimeError("boom")


urlpatterns = [path("boom/", _boom), path("api/boom/", _boom), *project_urls]
handler500 = "tuuma.web.views.error_500"


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_gets_the_500_page_not_a_traceback(org):
    client = Client(raise_request_exception=False)
    response = client.get("/boom/")
    assert response.status_code == 500
    body = response.content.decode()
    assert "Jokin meni vikaan" in body
    assert "RuntimeError" not in body


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__)
def test_a_crash_in_the_api_answers_json(org):
    client = Client(raise_request_exception=False)
    response = client.get("/api/boom/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 500
    assert response.json() == {"detail": "A server error occurred."}


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "false", "SECRET_KEY": ""}, "SECRET_KEY must be set"),
        ({"DEBUG": "maybe"}, "DEBUG must be a boolean"),
        ({"DEBUG": "true", "SESSION_COOKIE_AGE": "soon"}, "SESSION_COOKIE_AGE must be"),
    ],
)
def test_bad_configuration_stops_the_start_with_a_clear_message(env, message):
    result = subprocess.run(
        [sys.executable, "-c", "import tuuma.settings"],
        env={"PATH": "/usr/bin:/bin", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert message in result.stderr
