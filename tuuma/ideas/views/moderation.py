"""Moderators: one queue across the organisation (reports, hidden content,
pre-moderation), hide or restore with a reason, publish, block a person."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.accounts.models import User
from tuuma.ideas import actions
from tuuma.ideas.forms import BlockForm, ReasonForm
from tuuma.ideas.models import Block, Comment, Idea, IdeaStatus, Report
from tuuma.organisation.access import requires


@login_required
@requires("ideas.moderate")
def moderation_queue(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    pending = Report.objects.filter(organisation=organisation, resolved_at__isnull=True)
    reported = (
        pending.values("idea", "comment")
        .annotate(n=Count("pk"))
        .order_by("-n", "idea", "comment")[:200]
    )
    idea_ids = {row["idea"] for row in reported}
    comment_ids = {row["comment"] for row in reported if row["comment"]}
    ideas = Idea.objects.select_related("author").in_bulk(idea_ids)
    comments = Comment.objects.select_related("author").in_bulk(comment_ids)
    reasons: dict[tuple, list[str]] = {}
    for report in pending.filter(idea__in=idea_ids).only("idea", "comment", "reason"):
        reasons.setdefault((report.idea_id, report.comment_id), []).append(
            report.reason
        )
    items = [
        {
            "idea": ideas[row["idea"]],
            "comment": comments.get(row["comment"]),
            "count": row["n"],
            "reasons": reasons.get((row["idea"], row["comment"]), []),
        }
        for row in reported
    ]
    context = {
        "items": items,
        "waiting": Idea.objects.filter(
            organisation=organisation, status=IdeaStatus.SUBMITTED
        ).select_related("author")[:200],
        "hidden": Idea.objects.filter(
            organisation=organisation, is_hidden=True
        ).select_related("author")[:200],
        "blocks": Block.objects.filter(organisation=organisation).select_related(
            "user", "by"
        ),
    }
    return render(request, "ideas/staff/moderation.html", context)


@login_required
@requires("ideas.moderate", load=Idea)
@require_POST
def idea_publish(request: HttpRequest, idea: Idea) -> HttpResponse:
    try:
        actions.idea_publish(idea=idea, by=request.user)
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The idea has been published."))
    return redirect("ideas:moderation")


@login_required
@requires("ideas.moderate", load=Idea)
@require_POST
def content_moderate(request: HttpRequest, idea: Idea) -> HttpResponse:
    """Hide (``action=hide``) or restore an idea or one of its comments."""
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason; the author will see it."))
        return _back(request, idea)
    comment = None
    if form.cleaned_data.get("comment"):
        comment = get_object_or_404(Comment, idea=idea, pk=form.cleaned_data["comment"])
    decide = (
        actions.content_hide
        if request.POST.get("action") == "hide"
        else actions.content_restore
    )
    decision = decide(
        idea=idea, comment=comment, by=request.user, reason=form.cleaned_data["reason"]
    )
    messages.success(request, decision.get_action_display())
    return _back(request, idea)


def _back(request: HttpRequest, idea: Idea) -> HttpResponse:
    if request.POST.get("back") == "idea":
        return redirect(idea)
    return redirect("ideas:moderation")


@login_required
@requires("ideas.moderate")
@require_POST
def user_block(request: HttpRequest) -> HttpResponse:
    form = BlockForm(request.POST)
    if not form.is_valid():
        return redirect("ideas:moderation")
    person = get_object_or_404(
        User, organisation=request.organisation, pk=form.cleaned_data["user"]
    )
    if request.POST.get("undo"):
        actions.user_unblock(organisation=request.organisation, user=person)
        messages.success(request, _("The block has been lifted."))
        return redirect("ideas:moderation")
    try:
        actions.user_block(
            organisation=request.organisation,
            user=person,
            by=request.user,
            reason=form.cleaned_data["reason"],
        )
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The person has been blocked."))
    return redirect("ideas:moderation")
