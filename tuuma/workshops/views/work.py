"""Clustering by lists and keys, paper input, results, the backlog and exports."""

from types import SimpleNamespace

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tuuma.ideas.actions import IdeaActionError
from tuuma.ideas.models import Idea
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can
from tuuma.workshops import actions, backlog, clusters, voting
from tuuma.workshops.actions import WorkshopError
from tuuma.workshops.charts import bar_chart, matrix_chart
from tuuma.workshops.exports import session_xlsx
from tuuma.workshops.forms import MeasureForm, TranscribeForm
from tuuma.workshops.items import clusters_with_notes, step_items, visible_notes
from tuuma.workshops.models import Session, StepKind
from tuuma.workshops.results import group_breakdown, step_results


def _similar(request: HttpRequest, text: str) -> list[Idea]:
    ideas = Idea.objects.visible_to(request.user, request.organisation)
    return list(ideas.similar_to(text, limit=3))


@requires("workshops.facilitate", load=Session)
def clustering(request: HttpRequest, session: Session) -> HttpResponse:
    """Group notes without a canvas: every command is a small form."""
    if request.method == "POST":
        try:
            _cluster_command(session, request.POST)
        except WorkshopError as error:
            messages.error(request, str(error))
        return redirect("workshops:clustering", pk=session.pk)
    notes = visible_notes(session).exclude(step__kind=StepKind.QA)
    groups_here = list(clusters_with_notes(session))
    groups = [
        {
            "cluster": c,
            "notes": [n for n in notes if n.cluster_id == c.pk],
            "similar": _similar(request, c.title),
        }
        for c in groups_here
    ]
    loose = [
        {"note": n, "similar": _similar(request, n.text)}
        for n in notes
        if n.cluster_id is None
    ]
    context = {
        "session": session,
        "groups": groups,
        "loose": loose,
        "clusters": groups_here,
    }
    return render(request, "workshops/clustering.html", context)


def _cluster_command(session: Session, data) -> None:
    action = data.get("action", "")
    groups = session.clusters.all()
    if action == "create":
        clusters.cluster_create(session=session, title=data.get("title", ""))
    elif action == "rename":
        cluster = get_object_or_404(groups, pk=data.get("cluster") or 0)
        clusters.cluster_rename(cluster=cluster, title=data.get("title", ""))
    elif action == "merge":
        cluster = get_object_or_404(groups, pk=data.get("cluster") or 0)
        into = get_object_or_404(groups, pk=data.get("into") or 0)
        clusters.cluster_merge(cluster=cluster, into=into)
    elif action == "move":
        note = get_object_or_404(session.notes, pk=data.get("note") or 0)
        target = data.get("into") or ""
        cluster = get_object_or_404(groups, pk=target) if target.isdigit() else None
        clusters.note_move(note=note, cluster=cluster)
    else:
        raise WorkshopError(_("Unknown action."))


@requires("workshops.facilitate", load=Session)
def paper(request: HttpRequest, session: Session) -> HttpResponse:
    """Transcribe a paper wall and type in dots counted on paper."""
    form = TranscribeForm(
        request.POST if request.POST.get("action") == "transcribe" else None,
        session=session,
    )
    if request.method == "POST":
        try:
            _paper_command(request, session, form)
        except WorkshopError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Saved from paper."))
        return redirect("workshops:paper", pk=session.pk)
    counted = [
        {"step": s, "items": step_items(s), "totals": voting.counted(s)}
        for s in session.steps.filter(kind__in=[StepKind.DOTS, StepKind.POLL])
    ]
    return render(
        request,
        "workshops/paper.html",
        {"session": session, "form": form, "counted": counted},
    )


def _paper_command(request: HttpRequest, session: Session, form) -> None:
    if request.POST.get("action") == "transcribe":
        if not form.is_valid():
            raise WorkshopError(_("Choose the step and write the notes."))
        for line in form.cleaned_data["text"].splitlines():
            if line.strip():
                actions.note_transcribe(
                    step=form.cleaned_data["step"], by=request.user, text=line
                )
        return
    step = get_object_or_404(session.steps, pk=request.POST.get("step") or 0)
    value = request.POST.get("count", "")
    if not value.isdigit():
        raise WorkshopError(_("Enter whole numbers."))
    voting.paper_dots_set(
        step=step, by=request.user, item=request.POST.get("item", ""), count=int(value)
    )


def results_context(session: Session) -> dict:
    steps = []
    for step in session.steps.all():
        if step.kind in (StepKind.IDEATE, StepKind.CLUSTER):
            continue
        rows = step_results(step)
        chart = matrix_chart(rows) if step.kind == StepKind.MATRIX else bar_chart(rows)
        steps.append(
            {
                "step": step,
                "rows": rows,
                "chart": chart,
                "breakdown": group_breakdown(step) if session.group_list else None,
            }
        )
    return {"session": session, "steps": steps}


@requires("workshops.view", load=Session)
def results(request: HttpRequest, session: Session) -> HttpResponse:
    return render(request, "workshops/results.html", results_context(session))


@requires("workshops.view", load=Session)
def summary(request: HttpRequest, session: Session) -> HttpResponse:
    """A printable summary: settings, results, groups and where they went."""
    context = results_context(session)
    context["groups"] = [
        {"cluster": c, "notes": visible_notes(session).filter(cluster=c)}
        for c in clusters_with_notes(session)
    ]
    context["outcomes"] = session.outcomes.select_related("idea", "measure")
    return render(request, "workshops/summary.html", context)


@requires("workshops.facilitate", load=Session)
def export_xlsx(request: HttpRequest, session: Session) -> HttpResponse:
    response = HttpResponse(
        session_xlsx(session),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="tyopaja-{session.pk}.xlsx"'
    )
    return response


@requires("workshops.to_backlog", load=Session)
def to_backlog(request: HttpRequest, session: Session) -> HttpResponse:
    items = backlog.backlog_items(session)
    if request.method == "POST":
        choices = {
            i["key"]: request.POST.get(f"choice-{i['key']}", "skip") for i in items
        }
        try:
            made = backlog.session_to_backlog(
                session=session, by=request.user, choices=choices
            )
        except WorkshopError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("%(n)s items were sent to the backlog.") % {"n": len(made)}
            )
        return redirect("workshops:backlog", pk=session.pk)
    for item in items:
        item["similar"] = [] if item["outcome"] else _similar(request, item["label"])
    return render(
        request, "workshops/backlog.html", {"session": session, "items": items}
    )


@requires("workshops.to_backlog", load=Session)
def to_measure(request: HttpRequest, session: Session, outcome_id: int) -> HttpResponse:
    outcome = get_object_or_404(session.outcomes, pk=outcome_id)
    form = MeasureForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        area = form.cleaned_data["service_area"]
        in_area = SimpleNamespace(service_area_id=area.pk)
        if not can(
            request.user, "programme.create_measure", request.organisation, in_area
        ):
            form.add_error(
                "service_area", _("You cannot create measures in this area.")
            )
        else:
            try:
                backlog.outcome_to_measure(
                    outcome=outcome, by=request.user, **form.cleaned_data
                )
            except (WorkshopError, IdeaActionError) as error:
                form.add_error(None, str(error))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The measure was created."))
                return redirect("workshops:backlog", pk=session.pk)
    return render(
        request,
        "workshops/form_page.html",
        {
            "form": form,
            "session": session,
            "heading": _("Make a measure of “%(label)s”")
            % {"label": outcome.label[:80]},
        },
    )
