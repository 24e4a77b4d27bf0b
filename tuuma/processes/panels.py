"""The processes an idea or a measure touches, on the idea's and the measure's
pages (``{% app_panels %}``), with a small form to link or unlink one for those
who may edit a process; on the idea page, what its done measures changed in
those processes' case logs."""

from __future__ import annotations

from django.db.models import Q

from tuuma.lib.panels import Panel
from tuuma.organisation.permissions import can
from tuuma.processes.models import Process, Status
from tuuma.processes.results import measure_changes
from tuuma.programme.models import Measure, MeasureStatus

TEMPLATE = "processes/_target_panel.html"


def _may_edit(request, process: Process) -> bool:
    return can(request.user, "processes.edit", request.organisation, process)


def _editable(request, processes) -> list[Process]:
    return [p for p in processes if _may_edit(request, p)]


def _panel(request, *, field: str, target) -> list[Panel]:
    """Visible processes linked to ``target`` (an idea or a measure), each with
    its link id when the reader may unlink it, and the processes they may add."""
    if not request.user.is_authenticated and not target.process_links.exists():
        return []
    visible = Process.objects.visible_to(request.user, request.organisation)
    links = (
        target.process_links.filter(process__in=visible)
        .select_related("process", "step")
        .order_by("process__code", "process__name")
    )
    rows = [
        {"link": link, "can_unlink": _may_edit(request, link.process)} for link in links
    ]
    addable = []
    if request.user.is_authenticated:
        linked = {row["link"].process_id for row in rows}
        candidates = visible.exclude(status=Status.RETIRED).exclude(pk__in=linked)
        addable = _editable(request, candidates.select_related("service_area"))
    if not rows and not addable:
        return []
    context = {"rows": rows, "addable": addable, "field": field, "target": target}
    return [Panel(TEMPLATE, context)]


def idea_panels(request, idea) -> list[Panel]:
    return idea_result_panels(request, idea) + _panel(
        request, field="idea", target=idea
    )


def measure_panels(request, measure) -> list[Panel]:
    return _panel(request, field="measure", target=measure)


def _idea_results(user, organisation, idea) -> list[dict]:
    """Each done measure carrying ``idea`` that ``user`` may see, with the
    processes it touches (links on the measure or the idea) that ``user`` may
    see and the before/after of their case logs."""
    measures = (
        Measure.objects.visible_to(user, organisation)
        .filter(ideas=idea, status=MeasureStatus.DONE)
        .order_by("start_date", "pk")
    )
    visible = Process.objects.visible_to(user, organisation)
    found = []
    for measure in measures:
        processes = visible.filter(
            Q(links__measure=measure) | Q(links__idea=idea)
        ).distinct()
        changes = measure_changes(measure, processes.select_related("caselog"))
        if changes:
            found.append({"measure": measure, "changes": changes})
    return found


def idea_result_panels(request, idea) -> list[Panel]:
    """The "what changed" of the idea page: what its done measures did to the
    processes they touch."""
    found = _idea_results(request.user, request.organisation, idea)
    if not found:
        return []
    return [Panel("processes/_idea_results.html", {"found": found})]


def idea_email_blocks(user, idea) -> list[Panel]:
    """The same figures in the e-mails to the idea's people ("implemented",
    "the result has been measured"), for what the recipient may see."""
    organisation = idea.organisation
    found = _idea_results(user, organisation, idea)
    if not found:
        return []
    for item in found:
        # A mail needs absolute links, to the organisation's own address.
        item["changes"] = [
            {
                "process": change.process,
                "figures": change.figures,
                "link": organisation.absolute_url(change.process.get_absolute_url()),
            }
            for change in item["changes"]
        ]
    return [Panel("processes/email/_idea_results", {"found": found})]
