"""What schemathesis found: the schema must say what the API really answers."""

import json

import pytest

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/ideas",
    "/api/v1/ideas/{id}/comments",
    "/api/v1/goals",
    "/api/v1/measures",
    "/api/v1/caselogs",
]


@pytest.fixture
def schema(client, org):
    return json.loads(client.get("/api/v1/openapi.json").content)


def test_every_operation_documents_the_common_errors(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert {"400", "401", "403", "404", "429"} <= documented, (method, path)
    invalid = schema["components"]["schemas"]["Invalid"]
    assert "detail" not in invalid.get("required", [])  # field errors have no detail


def test_paginated_lists_are_documented_as_pages(schema):
    for path in LISTS:
        ok = schema["paths"][path]["get"]["responses"]["200"]
        ref = ok["content"]["application/json"]["schema"]["$ref"]
        page = schema["components"]["schemas"][ref.rsplit("/", 1)[1]]
        assert {"count", "next", "previous", "results"} <= set(page["properties"])


def test_paginated_lists_answer_as_documented(client, cast):
    client.force_login(cast.caselog_analyst)
    for path in LISTS:
        if "{id}" not in path:
            data = client.get(path).json()
            assert set(data) == {"count", "next", "previous", "results"}, path


@pytest.mark.parametrize(
    "url",
    ["/api/v1/nothing-here", "/api/v1/ideas/-1/answer/publish", "/api/v1/ideas/x"],
)
def test_an_unknown_api_address_answers_json_not_a_page(client, org, url):
    response = client.post(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/ideas?status=nonsense", "status"),
        ("/api/v1/ideas?kind=nonsense", "kind"),
        ("/api/v1/measures?status=nonsense", "status"),
        ("/api/v1/measures?class=nonsense", "class"),
    ],
)
def test_a_filter_value_outside_its_choices_is_refused(client, org, url, field):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_fields_only_staff_see_are_optional_in_the_schema(schema):
    components = schema["components"]["schemas"]
    assert "impact_score" not in components["IdeaStaff"]["required"]
    assert "title" in components["IdeaStaff"]["required"]
    assert "description" not in components["MeasureStaff"]["required"]


@pytest.mark.parametrize("size", ["null", "0", "-3", "2.5"])
def test_a_page_size_that_is_no_positive_number_is_refused(client, org, size):
    response = client.get("/api/v1/goals", {"page_size": size})
    assert response.status_code == 400
    assert list(response.json()) == ["page_size"]


def test_a_page_size_over_the_maximum_is_capped(client, org):
    assert client.get("/api/v1/goals", {"page_size": "5000"}).status_code == 200


def test_an_empty_filter_means_no_filter_as_documented(client, org, schema):
    parameters = schema["paths"]["/api/v1/ideas"]["get"]["parameters"]
    kind = next(p for p in parameters if p["name"] == "kind")
    assert "" in kind["schema"]["enum"]
    assert client.get("/api/v1/ideas", {"kind": "", "sort": ""}).status_code == 200
    assert client.get("/api/v1/measures", {"status": ""}).status_code == 200
