"""The API's error answers: a 404 never names a model.

``get_object_or_404`` raises ``Http404("No CaseLog matches the given query.")``
and DRF passes that English text, model name included, on as the answer. Here
every 404 becomes DRF's own translated "Not found." (in the caller's language).
"""

from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    return drf_exception_handler(exc, context)
