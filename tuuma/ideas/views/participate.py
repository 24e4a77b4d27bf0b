"""Taking part: support, follow, comment and report. All need a signed-in person
of the organisation (``ideas.participate``) and an idea that is visible to them;
whether it is still open, and whether the person is blocked, the actions decide."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas import actions
from tuuma.ideas.forms import CommentForm, ReportForm
from tuuma.ideas.models import Comment, Idea
from tuuma.ideas.views.common import rate_limited, too_many
from tuuma.organisation.access import requires


def _back(idea: Idea, anchor: str = "") -> HttpResponse:
    return redirect(idea.get_absolute_url() + anchor)


@login_required
@requires("ideas.participate", load=Idea)
@require_POST
def idea_support(request: HttpRequest, idea: Idea) -> HttpResponse:
    """Support (or with ``undo``, withdraw the support); repeating is harmless."""
    try:
        if request.POST.get("undo"):
            actions.idea_unsupport(idea=idea, user=request.user)
        else:
            actions.idea_support(idea=idea, user=request.user)
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
        return _back(idea)
    idea.refresh_from_db(fields=["support_count"])
    if request.htmx:
        return render(
            request,
            "ideas/_support.html",
            {
                "idea": idea,
                "supported": not request.POST.get("undo"),
                "is_open": True,
            },
        )
    return _back(idea, "#support")


@login_required
@requires("ideas.participate", load=Idea)
@require_POST
def idea_follow(request: HttpRequest, idea: Idea) -> HttpResponse:
    if request.POST.get("undo"):
        actions.idea_unfollow(idea=idea, user=request.user)
        messages.success(request, _("You no longer follow this idea."))
    else:
        actions.idea_follow(idea=idea, user=request.user)
        messages.success(request, _("You follow this idea and get e-mail about it."))
    return _back(idea)


@login_required
@requires("ideas.participate", load=Idea)
@require_POST
def comment_create(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = CommentForm(request.POST)
    if rate_limited(request, "comment"):
        return too_many(request, _("You have commented a lot. Try again in an hour."))
    if not form.is_valid():
        for error in form.errors.get("body", []):
            messages.error(request, error)
        return _back(idea, "#comments")
    if form.is_bot():
        return _back(idea, "#comments")
    parent = None
    if form.cleaned_data.get("parent"):
        parent = get_object_or_404(Comment, idea=idea, pk=form.cleaned_data["parent"])
    try:
        comment = actions.comment_create(
            idea=idea,
            author=request.user,
            body=form.cleaned_data["body"],
            parent=parent,
        )
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
        return _back(idea, "#comments")
    messages.success(request, _("Your comment has been published."))
    return _back(idea, f"#comment-{comment.pk}")


@login_required
@requires("ideas.participate", load=Idea)
@require_POST
def report_create(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = ReportForm(request.POST)
    if rate_limited(request, "report"):
        return too_many(request, _("You have sent many reports. Try again in an hour."))
    if not form.is_valid():
        messages.error(request, _("Tell the moderators what is wrong."))
        return _back(idea)
    comment = None
    if form.cleaned_data.get("comment"):
        comment = get_object_or_404(Comment, idea=idea, pk=form.cleaned_data["comment"])
    try:
        actions.report_create(
            idea=idea,
            comment=comment,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
        )
    except actions.IdeaActionError as error:
        messages.error(request, str(error))
        return _back(idea)
    messages.success(request, _("Thank you. A moderator will look at it."))
    return _back(idea)
