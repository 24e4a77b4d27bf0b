"""Linking a process from an idea's or a measure's page, and unlinking it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.organisation.access import requires
from tuuma.organisation.permissions import require
from tuuma.processes import actions
from tuuma.processes.forms import TargetLinkForm
from tuuma.processes.models import Process


@require_POST
@requires("processes.edit")
def link_target(request: HttpRequest) -> HttpResponse:
    """The panel's form: the process comes from the body, so its edit right is
    checked here; an idea or measure the person cannot see is a 404."""
    form = TargetLinkForm(
        request.POST, user=request.user, organisation=request.organisation
    )
    valid = form.is_valid()
    data = form.cleaned_data
    target = data.get("idea") or data.get("measure")
    if target is None:
        raise Http404
    if not valid:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(target)
    require(request, "processes.edit", data["process"])
    try:
        actions.link_add(
            process=data["process"],
            idea=data.get("idea"),
            measure=data.get("measure"),
            note=data["note"],
        )
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The process was linked."))
    return redirect(target)


@require_POST
@requires("processes.edit", load=Process)
def link_remove(request: HttpRequest, process: Process, link_id: int) -> HttpResponse:
    link = get_object_or_404(
        process.links.select_related("idea", "measure"), pk=link_id
    )
    target = link.target
    actions.link_remove(link=link, by=request.user)
    messages.success(request, _("The link was removed."))
    if request.POST.get("back") == "target":
        return redirect(target)
    return redirect(process)
