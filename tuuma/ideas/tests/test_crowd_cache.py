"""Caching never shows one person another's view (issue 23).

The organisation is resolved once per worker and idea cards are drawn without
the template engine; the shared cache holds the answer-time statistics. A
resident, a manager and an anonymous visitor ask for the same pages in turn in
one process, and each sees exactly their own view, before and after the others.
"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

PAGES = ["/ideat/", "/ideat/?q=kahvinkeitin", "/", "/api/v1/ideas"]


def _views(clients: dict[str, Client]) -> dict[tuple[str, str], bytes]:
    return {
        (who, path): client.get(path).content
        for path in PAGES
        for who, client in clients.items()
    }


def test_two_roles_in_turn_see_only_their_own_view(world, cast):
    resident, manager, anonymous = Client(), Client(), Client()
    resident.force_login(cast.resident)
    manager.force_login(cast.manager)
    clients = {"resident": resident, "manager": manager, "anonymous": anonymous}

    first = _views(clients)
    # The other order: whoever asks first must not decide what the next one sees.
    second = _views(dict(reversed(clients.items())))

    staff_only = world["staff_only"].title.encode()
    for path in ("/ideat/", "/api/v1/ideas"):
        assert staff_only in first["manager", path]
        assert staff_only not in first["resident", path]
        assert staff_only not in first["anonymous", path]
    badge = "Vain henkilöstölle".encode()  # "Staff only"; the pages are in Finnish
    assert badge in first["manager", "/ideat/"]
    assert badge not in first["resident", "/ideat/"]
    assert cast.resident.email.encode() not in first["manager", "/"]
    for key, content in first.items():
        assert content.count(staff_only) == second[key].count(staff_only), key
        # The signed-in person's own name shows on their pages only.
        for who in ("resident", "manager"):
            name = getattr(cast, who).get_full_name().encode()
            if key[0] != who and name:
                assert name not in content, (key, who)


def test_idea_meta_is_the_markup_the_template_had(world):
    """The card's facts line drawn in Python reads as the old template did."""
    from django.utils import translation

    from tuuma.ideas.cards import idea_meta

    idea = world["staff_only"]
    with translation.override("en"):
        html = idea_meta(idea)
    assert html.startswith('<p class="meta">\n  <span class="badge">')
    assert f'<span class="badge status status-{idea.status}">' in html
    assert '<span class="badge">Staff only</span>' in html
    assert "<span>0 supports</span>" in html
    assert '<time datetime="' in html


@pytest.mark.parametrize(
    "data",
    [{}, {"status": "answered", "kind": "idea", "sort": "supported"}, {"area": "x"}],
)
def test_quick_select_draws_what_django_draws(org, area, data):
    from django import forms
    from django.utils import translation

    from tuuma.ideas.forms import FilterForm

    if data.get("area"):
        data = {"area": str(area.pk)}
    with translation.override("fi"):
        form = FilterForm(data, organisation=org)
        for name in ("status", "kind", "area", "sort"):
            field = form[name]
            quick = field.as_widget()
            django_select = forms.Select(choices=field.field.choices)
            django_select.is_required = field.field.required
            assert quick == field.as_widget(widget=django_select), name
