"""Helpers the process views share."""

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.text import slugify

from tuuma.ideas.models import Idea
from tuuma.organisation.permissions import can
from tuuma.processes.models import Process, ProcessVersion
from tuuma.programme.models import Measure


def version_of(process: Process, version_id: int) -> ProcessVersion:
    return get_object_or_404(process.versions, pk=version_id)


def form_errors(form: Form, error: ValidationError) -> None:
    """Put an action's refusal on the form, by field where it names one."""
    if hasattr(error, "error_dict"):
        for field, messages in error.error_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def download(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def file_name(text: str, suffix: str) -> str:
    return f"{slugify(text) or 'process'}.{suffix}"


def visible_links(request: HttpRequest, process: Process) -> dict:
    """The ideas and measures naming the process that this person may see."""
    user, organisation = request.user, request.organisation
    ideas = Idea.objects.visible_to(user, organisation)
    measures = Measure.objects.visible_to(user, organisation)
    links = list(process.links.select_related("idea", "measure", "step"))
    idea_ids = set(
        ideas.filter(pk__in=[k.idea_id for k in links if k.idea_id]).values_list(
            "pk", flat=True
        )
    )
    measure_ids = set(
        measures.filter(
            pk__in=[k.measure_id for k in links if k.measure_id]
        ).values_list("pk", flat=True)
    )
    return {
        "idea_links": [k for k in links if k.idea_id in idea_ids],
        "measure_links": [k for k in links if k.measure_id in measure_ids],
    }


def abilities(request: HttpRequest, process: Process) -> dict:
    user, organisation = request.user, request.organisation
    return {
        "can_edit": can(user, "processes.edit", organisation, process),
        "can_see_all": can(user, "processes.view_all", organisation),
        "can_comment": can(user, "processes.comment", organisation, process),
    }
