"""Staff handling of ideas: triage (area, responsible person, scores, private
notes), review, the official answer in two steps, merging and the overdue list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas import actions
from tuuma.ideas.forms import AnswerForm, NoteForm, SettingsForm
from tuuma.ideas.models import (
    OPEN_STATUSES,
    Idea,
    IdeaQuerySet,
    IdeaSettings,
    IdeaStatus,
)
from tuuma.ideas.pagination import CappedPaginator
from tuuma.ideas.triage_forms import MergeForm, TriageForm
from tuuma.ideas.views.common import in_areas
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import areas_where, can


def _staff_list(
    request: HttpRequest, ideas: IdeaQuerySet, template: str, extra: dict
) -> HttpResponse:
    ideas = ideas.select_related("service_area", "responsible")
    page = CappedPaginator(ideas, 50).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, **extra})


@login_required
@requires("ideas.triage")
def triage_list(request: HttpRequest) -> HttpResponse:
    ideas = in_areas(
        request,
        Idea.objects.filter(
            organisation=request.organisation, status__in=OPEN_STATUSES
        ),
        "ideas.triage",
    ).order_by("published_at", "id")
    if request.GET.get("mine"):
        ideas = ideas.filter(responsible=request.user)
    return _staff_list(request, ideas, "ideas/staff/triage_list.html", {})


@login_required
@requires("ideas.triage")
def overdue_list(request: HttpRequest) -> HttpResponse:
    target = IdeaSettings.for_organisation(request.organisation).answer_target_days
    ideas = in_areas(
        request,
        Idea.objects.filter(organisation=request.organisation).overdue(
            target_days=target, now=timezone.now()
        ),
        "ideas.triage",
    ).order_by("published_at", "id")
    return _staff_list(
        request, ideas, "ideas/staff/overdue.html", {"target_days": target}
    )


@login_required
@requires("ideas.publish_answer")
def answers_list(request: HttpRequest) -> HttpResponse:
    """Written answers waiting to be published; several at once with checkboxes.

    Only ideas of the person's areas are listed, so a posted id from another
    area is silently left out rather than published."""
    ideas = in_areas(
        request,
        Idea.objects.filter(
            organisation=request.organisation,
            status__in=[IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW],
            answered_at__isnull=False,
        ),
        "ideas.publish_answer",
    )
    if request.method == "POST":
        chosen = ideas.filter(pk__in=request.POST.getlist("ideas"))
        count = actions.ideas_publish_answers(ideas=list(chosen), by=request.user)
        messages.success(request, _("Answers published: %(count)d.") % {"count": count})
        return redirect("ideas:answers")
    return _staff_list(
        request, ideas.order_by("answered_at", "pk"), "ideas/staff/answers.html", {}
    )


@login_required
@requires("ideas.triage", load=Idea)
def triage_detail(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = TriageForm(
        request.POST or None,
        organisation=request.organisation,
        idea=idea,
        initial=_triage_initial(idea),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        start_review = data.pop("start_review", False)
        public_text = data.pop("public_text", "")
        try:
            # Area, person, scores and status are one decision: all or nothing.
            with transaction.atomic():
                actions.idea_triage(idea=idea, by=request.user, **data)
                if start_review:
                    actions.idea_change_status(
                        idea=idea,
                        to_status=IdeaStatus.UNDER_REVIEW,
                        by=request.user,
                        public_text=public_text,
                    )
        except actions.IdeaActionError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The idea has been updated."))
            return redirect("ideas:triage", pk=idea.pk)
    return triage_page(request, idea, triage_form=form)


def _triage_initial(idea: Idea) -> dict:
    return {
        "service_area": idea.service_area,
        "responsible": idea.responsible_id,
        "impact_score": idea.impact_score,
        "effort_score": idea.effort_score,
    }


def triage_page(request: HttpRequest, idea: Idea, **forms) -> HttpResponse:
    """The one triage page; ``forms`` replaces a blank form with a posted one
    (or adds ``merge_candidates``, the matches of a search posted without JS)."""
    organisation = request.organisation
    context = {
        "idea": idea,
        "notes": idea.notes.select_related("author"),
        "events": idea.events.select_related("by"),
        "triage_form": TriageForm(
            organisation=organisation, idea=idea, initial=_triage_initial(idea)
        ),
        "note_form": NoteForm(),
        "answer_form": AnswerForm(
            initial={
                "outcome": idea.outcome,
                "text": idea.answer_text,
                "forwarded_to": idea.answer_forwarded_to,
                "case_number": idea.answer_case_number,
            }
        ),
        "merge_form": MergeForm(),
        "merge_candidates": [],
        "can_answer": can(request.user, "ideas.answer", organisation, idea),
        "can_publish_answer": can(
            request.user, "ideas.publish_answer", organisation, idea
        ),
        "answerable": idea.status in (IdeaStatus.PUBLISHED, IdeaStatus.UNDER_REVIEW),
        **forms,
    }
    refused = any(getattr(form, "errors", None) for form in forms.values())
    status = 400 if refused else 200
    return render(request, "ideas/staff/triage.html", context, status=status)


@login_required
@requires("ideas.triage", load=Idea)
@require_POST
def note_add(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = NoteForm(request.POST)
    if not form.is_valid():
        return triage_page(request, idea, note_form=form)
    actions.idea_add_note(idea=idea, by=request.user, body=form.cleaned_data["body"])
    return redirect("ideas:triage", pk=idea.pk)


@login_required
@requires("ideas.triage", load=Idea)
@require_POST
def review_start(request: HttpRequest, idea: Idea) -> HttpResponse:
    try:
        actions.idea_change_status(
            idea=idea,
            to_status=IdeaStatus.UNDER_REVIEW,
            by=request.user,
            public_text=request.POST.get("public_text", "")[:1000],
        )
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
    return redirect("ideas:triage", pk=idea.pk)


@login_required
@requires("ideas.answer", load=Idea)
@require_POST
def answer_write(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return triage_page(request, idea, answer_form=form)
    data = form.cleaned_data
    try:
        actions.idea_answer(
            idea=idea,
            by=request.user,
            outcome=data["outcome"],
            text=data["text"],
            forwarded_to=data["forwarded_to"],
            case_number=data["case_number"],
        )
    except actions.IdeaActionError as error:
        form.add_error(None, str(error))
        return triage_page(request, idea, answer_form=form)
    messages.success(request, _("The answer has been saved. It is not public yet."))
    return redirect("ideas:triage", pk=idea.pk)


@login_required
@requires("ideas.publish_answer", load=Idea)
@require_POST
def answer_publish(request: HttpRequest, idea: Idea) -> HttpResponse:
    try:
        actions.idea_publish_answer(idea=idea, by=request.user)
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
        return redirect("ideas:triage", pk=idea.pk)
    messages.success(request, _("The answer has been published."))
    return redirect(idea)


@login_required
@requires("organisation.manage")
def settings_edit(request: HttpRequest) -> HttpResponse:
    instance = IdeaSettings.for_organisation(request.organisation)
    form = SettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The settings have been saved."))
        return redirect("ideas:settings")
    return render(request, "ideas/staff/settings.html", {"form": form})


def staff_links(request: HttpRequest) -> list[tuple[str, str]]:
    """The staff pages this person may open (shown on the ideas page)."""
    user, organisation = request.user, request.organisation
    links = []
    if can(user, "ideas.moderate", organisation):
        links.append((reverse("ideas:moderation"), _("Moderation")))
    if areas_where(user, "ideas.triage", organisation) != []:
        links.append((reverse("ideas:triage-list"), _("Ideas to handle")))
        links.append((reverse("ideas:overdue"), _("Overdue answers")))
    if areas_where(user, "ideas.publish_answer", organisation) != []:
        links.append((reverse("ideas:answers"), _("Answers to publish")))
    if can(user, "organisation.manage", organisation):
        links.append((reverse("ideas:settings"), _("Settings")))
    return links
