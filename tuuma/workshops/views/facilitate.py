"""The facilitator's pages: prepare a session, run it, moderate, export."""

import segno
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.lib.paging import page_of
from tuuma.organisation.access import requires
from tuuma.workshops import actions
from tuuma.workshops.actions import WorkshopError
from tuuma.workshops.charts import bar_chart, matrix_chart
from tuuma.workshops.forms import SessionForm, StepForm
from tuuma.workshops.items import step_items
from tuuma.workshops.models import Session, Step, StepKind
from tuuma.workshops.results import live_counts, step_results


def join_url(request: HttpRequest, session: Session) -> str:
    return request.build_absolute_uri(reverse("workshops:join", args=[session.code]))


def qr_svg(url: str) -> str:
    """The join link as an inline SVG QR code (segno writes no script or style)."""
    code = segno.make(url, error="m")
    return mark_safe(  # noqa: S308 - segno's own markup, the URL is ours
        code.svg_inline(scale=6, dark="#000", light="#fff", omitsize=True, title=url)
    )


@requires("workshops.view")
def session_list(request: HttpRequest) -> HttpResponse:
    sessions = Session.objects.filter(organisation=request.organisation).select_related(
        "facilitator"
    )
    page = page_of(request, sessions)
    return render(
        request, "workshops/session_list.html", {"sessions": page, "page": page}
    )


@requires("workshops.create")
def session_create(request: HttpRequest) -> HttpResponse:
    form = SessionForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            session = actions.session_create(
                organisation=request.organisation, by=request.user, **form.cleaned_data
            )
        except WorkshopError as error:
            form.add_error(None, str(error))
        else:
            return redirect("workshops:session", pk=session.pk)
    return render(
        request,
        "workshops/form_page.html",
        {"form": form, "heading": _("New workshop")},
    )


@requires("workshops.facilitate", load=Session)
def session_detail(request: HttpRequest, session: Session) -> HttpResponse:
    """The builder and control room: settings, steps, code and QR."""
    settings_form = SessionForm(
        request.POST or None, instance=session, organisation=request.organisation
    )
    if request.method == "POST" and settings_form.is_valid():
        try:
            actions.session_update(session=session, **settings_form.cleaned_data)
        except WorkshopError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Settings saved."))
        return redirect("workshops:session", pk=session.pk)
    url = join_url(request, session)
    context = {
        "session": session,
        "steps": session.steps.all(),
        "settings_form": settings_form,
        "step_form": StepForm(),
        "join_url": url,
        "qr": qr_svg(url),
        "counts": live_counts(session.current_step, session),
    }
    return render(request, "workshops/session_detail.html", context)


@requires("workshops.facilitate", load=Session)
@require_POST
def step_add(request: HttpRequest, session: Session) -> HttpResponse:
    form = StepForm(request.POST)
    if form.is_valid():
        try:
            actions.step_add(session=session, **form.cleaned_data)
        except WorkshopError as error:
            messages.error(request, str(error))
    else:
        messages.error(
            request, _("Check the step: %(errors)s") % {"errors": form.errors.as_text()}
        )
    return redirect(reverse("workshops:session", args=[session.pk]) + "#steps")


STEP_CONTROLS = {
    "open": lambda step, by: actions.step_open(step=step, by=by),
    "close": lambda step, by: actions.step_close(step=step, by=by),
    "show": lambda step, by: actions.step_show(step=step, by=by),
    "reveal": lambda step, by: actions.step_reveal(step=step, by=by),
    "conceal": lambda step, by: actions.step_reveal(step=step, by=by, revealed=False),
    "up": lambda step, by: actions.step_move(step=step, delta=-1),
    "down": lambda step, by: actions.step_move(step=step, delta=1),
    "delete": lambda step, by: actions.step_delete(step=step),
}


@requires("workshops.facilitate", load=Session)
@require_POST
def control(request: HttpRequest, session: Session) -> HttpResponse:
    """One door for the facilitator's buttons: open, close, show, reveal, move."""
    action = request.POST.get("action", "")
    try:
        if action in ("start", "end", "copy"):
            return _session_control(request, session, action)
        step = get_object_or_404(session.steps, pk=request.POST.get("step") or 0)
        if action not in STEP_CONTROLS:
            raise WorkshopError(_("Unknown action."))
        STEP_CONTROLS[action](step, request.user)
    except WorkshopError as error:
        messages.error(request, str(error))
    back = request.POST.get("back")
    if back == "presenter":
        return redirect("workshops:presenter", pk=session.pk)
    return redirect(reverse("workshops:session", args=[session.pk]) + "#steps")


def _session_control(
    request: HttpRequest, session: Session, action: str
) -> HttpResponse:
    if action == "start":
        actions.session_open(session=session, by=request.user)
    elif action == "end":
        actions.session_close(session=session, by=request.user)
        messages.success(
            request, _("The workshop is closed. Send its results to the backlog.")
        )
        return redirect("workshops:backlog", pk=session.pk)
    else:
        copy = actions.session_copy(session=session, by=request.user)
        messages.success(request, _("A copy was made; adjust it and start it."))
        return redirect("workshops:session", pk=copy.pk)
    return redirect("workshops:session", pk=session.pk)


@requires("workshops.facilitate", load=Session)
def presenter(request: HttpRequest, session: Session) -> HttpResponse:
    """The big screen: code and QR, the current step, live counts, results."""
    step = session.current_step
    url = join_url(request, session)
    context = {
        "session": session,
        "step": step,
        "join_url": url,
        "qr": qr_svg(url),
        **_presenter_live(session, step),
    }
    template = "workshops/presenter.html"
    if request.headers.get("HX-Request"):
        template += "#live"
    return render(request, template, context)


def _presenter_live(session: Session, step: Step | None) -> dict:
    context = {"counts": live_counts(step, session)}
    if step is not None:
        context["items"] = step_items(step)[:50]
        if step.results_revealed:
            rows = step_results(step)
            context["results"] = rows
            is_matrix = step.kind == StepKind.MATRIX
            context["chart"] = matrix_chart(rows) if is_matrix else bar_chart(rows)
    return context


@requires("workshops.facilitate", load=Session)
def moderation(request: HttpRequest, session: Session) -> HttpResponse:
    if request.method == "POST":
        note = get_object_or_404(session.notes, pk=request.POST.get("note") or 0)
        try:
            actions.note_moderate(
                note=note, by=request.user, action=request.POST.get("action", "")
            )
        except WorkshopError as error:
            messages.error(request, str(error))
        return redirect("workshops:moderation", pk=session.pk)
    notes = session.notes.select_related("step", "participant").order_by(
        "is_approved", "-id"
    )
    return render(
        request, "workshops/moderation.html", {"session": session, "notes": notes}
    )
