"""Which requests are API requests (they get JSON errors and follow Accept-Language)."""

from django.http import HttpRequest

API_PREFIX = "/api/"


def is_api_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)
