"""Matters: staff record the life cycle; residents follow it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.forms import DecisionForm, MatterForm, PhaseForm
from tuuma.hearings.models import Hearing, Matter
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import require
from tuuma.programme.models import Measure


@requires("hearings.manage_matters")
def matter_create(request: HttpRequest) -> HttpResponse:
    form = MatterForm(request.POST or None)
    form.limit_areas(request.organisation)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        require(request, "hearings.manage_matters", area=data.get("service_area"))
        try:
            matter = actions.matter_create(
                organisation=request.organisation, by=request.user, **data
            )
        except HearingError as error:
            form.add_error(None, str(error))
        else:
            return redirect("hearings:matter-manage", pk=matter.pk)
    context = {"form": form, "title": _("New matter")}
    return render(request, "hearings/form_page.html", context)


def _manage_command(request: HttpRequest, matter: Matter) -> None:
    data, action = request.POST, request.POST.get("action", "")
    organisation = request.organisation
    if action == "phase":
        form = PhaseForm(data)
        if not form.is_valid():
            raise HearingError(_("Choose a phase and its date."))
        actions.matter_change_phase(matter=matter, by=request.user, **form.cleaned_data)
    elif action == "decision":
        form = DecisionForm(data)
        if not form.is_valid():
            raise HearingError(
                _("Give the decision-maker and the date of the decision.")
            )
        actions.matter_record_decision(
            matter=matter, by=request.user, **form.cleaned_data
        )
    elif action == "hearing":
        hearing = get_object_or_404(
            Hearing.objects.filter(organisation=organisation),
            pk=data.get("hearing") or 0,
        )
        actions.matter_link_hearing(matter=matter, hearing=hearing)
    elif action in ("measure", "unlink"):
        measure = get_object_or_404(
            Measure.objects.filter(organisation=organisation),
            pk=data.get("measure") or 0,
        )
        if action == "measure":
            actions.matter_link_measure(matter=matter, measure=measure)
        else:
            actions.matter_unlink_measure(matter=matter, measure=measure)
    elif action == "publish":
        actions.matter_publish(matter=matter, by=request.user)
    else:
        raise HearingError(_("Unknown command."))


@requires("hearings.manage_matters", load=Matter)
def matter_manage(request: HttpRequest, matter: Matter) -> HttpResponse:
    if request.method == "POST":
        try:
            _manage_command(request, matter)
        except HearingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved."))
        return redirect("hearings:matter-manage", pk=matter.pk)
    organisation = request.organisation
    context = {
        "matter": matter,
        "phase_form": PhaseForm(auto_id="id_phase_%s"),
        "decision_form": DecisionForm(
            auto_id="id_decision_%s",
            initial={
                "body": matter.decision_body,
                "decided_on": matter.decision_date,
                "summary": matter.decision_summary,
                "case_id": matter.case_id,
                "minutes_url": matter.minutes_url,
            },
        ),
        "hearings": Hearing.objects.filter(organisation=organisation).exclude(
            matter=matter
        ),
        "linked_measures": Measure.objects.filter(matters=matter),
        "measures": Measure.objects.filter(organisation=organisation).exclude(
            matters=matter
        ),
    }
    return render(request, "hearings/matter_manage.html", context)


@requires("hearings.follow", load=Matter)
@require_POST
def matter_follow(request: HttpRequest, matter: Matter) -> HttpResponse:
    if request.POST.get("action") == "unfollow":
        actions.matter_unfollow(matter=matter, user=request.user)
        messages.success(request, _("You no longer follow this matter."))
    else:
        actions.matter_follow(matter=matter, user=request.user)
        messages.success(request, _("You follow this matter and hear of each phase."))
    return redirect(matter)
