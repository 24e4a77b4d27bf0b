"""OpenAPI schema helpers shared by the apps' APIs.

Every operation can answer with the same errors (a bad token is refused before
any view runs, a page past the end is a 404, rate limits apply everywhere), so
they are documented once, by :func:`error_responses`, rather than view by view.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers

# page_of lives a floor down (audit, below the api app, uses it too).
from tuuma.organisation.api_support import page_of as page_of

_ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
_INVALID = {
    "type": "object",
    "description": (
        "`detail` when the request as a whole is refused (for example a status "
        "change that is not allowed now), otherwise each invalid field with its "
        "messages."
    ),
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
_ERRORS = {
    "400": ("Invalid", "The request was refused; nothing was changed."),
    "401": ("Error", "Sign-in or a valid API token is needed."),
    "403": ("Error", "Your roles here do not allow this."),
    "404": ("Error", "Not found, or not visible to you."),
    "429": ("Error", "Too many requests; try again after Retry-After seconds."),
}


# Component name -> (serializer with more fields, the one others get).
_WIDER: dict[
    str, tuple[type[serializers.Serializer], type[serializers.Serializer]]
] = {}


def wider_than(narrow: type[serializers.Serializer]):
    """Class decorator: only some people see the fields this serializer adds.

    The view answers with ``narrow`` to everybody else, so in the schema those
    fields are documented as optional.
    """

    def register(wide: type[serializers.Serializer]) -> type[serializers.Serializer]:
        _WIDER[wide.__name__.removesuffix("Serializer")] = (wide, narrow)
        return wide

    return register


def choice_param(
    name: str, values: list[str], empty: str = "no filter"
) -> OpenApiParameter:
    """A query parameter taking one of ``values``; empty means ``empty``."""
    return OpenApiParameter(
        name, str, enum=["", *values], description=f"Empty or left out: {empty}."
    )


def error_responses(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: the common errors on every operation."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"], schemas["Invalid"] = _ERROR, _INVALID
    for operations in result["paths"].values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, (schema, description) in _ERRORS.items():
                responses.setdefault(code, _json_response(description, schema))
    return result


def _json_response(description: str, schema: str) -> dict[str, Any]:
    ref = {"$ref": f"#/components/schemas/{schema}"}
    return {
        "description": description,
        "content": {"application/json": {"schema": ref}},
    }


def wider_fields_optional(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """drf-spectacular post-processing hook: see :func:`wider_than`."""
    schemas = result.get("components", {}).get("schemas", {})
    for name, (wide, narrow) in _WIDER.items():
        if name not in schemas:
            continue
        extra = set(wide().fields) - set(narrow().fields)
        schema = schemas[name]
        schema["required"] = [f for f in schema.get("required", []) if f not in extra]
        schema["description"] = (
            f"{schema.get('description', '')} Only those allowed to see them get "
            f"the fields {', '.join(sorted(extra))}."
        ).strip()
    return result
