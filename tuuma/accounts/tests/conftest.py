import pytest

from tuuma.organisation.models import default_two_factor_roles


@pytest.fixture(autouse=True)
def _second_factor_as_organisations_have_it(request):
    """The root conftest's organisations ask no second factor; the log-in tests
    run with what a new organisation really has."""
    if "org" in request.fixturenames:
        org = request.getfixturevalue("org")
        org.two_factor_roles = default_two_factor_roles()
        org.save(update_fields=["two_factor_roles"])
