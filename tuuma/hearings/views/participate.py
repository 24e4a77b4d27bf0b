"""Residents take part: comment, reply, support, answer, edit, withdraw, report.

Each form posts to its own URL and comes back to the hearing page; with htmx the
section's block is swapped in place (``hearings/hearing.html#block``).
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.forms import CommentForm, EditCommentForm, ReportForm
from tuuma.hearings.models import Comment, Hearing, Section
from tuuma.hearings.pages import (
    edit_link,
    one_block,
    remember_edit_link,
    visitor_token,
)
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can
from tuuma.web import ratelimit

COMMENTS_PER_HOUR = 30


def _anchor(hearing: Hearing, section: Section | None) -> str:
    suffix = f"#section-{section.pk}" if section else "#whole"
    return hearing.get_absolute_url() + suffix


def _back(
    request: HttpRequest, hearing: Hearing, section: Section | None, **extra
) -> HttpResponse:
    """The section's block for htmx, the hearing page otherwise."""
    if not request.htmx:
        return redirect(_anchor(hearing, section))
    block = one_block(request, hearing, section)
    prefix = f"s{section.pk}" if section else "whole"
    block["form"] = extra.pop("form", None) or CommentForm(auto_id=f"id_{prefix}_%s")
    context = {
        "hearing": hearing,
        "block": block,
        "partial": True,
        "admitted": hearing.admits(request.user),
        "may_report": can(
            request.user, "hearings.report_comment", request.organisation
        ),
        **extra,
    }
    return render(request, "hearings/hearing.html#block", context)


def _too_fast(request: HttpRequest) -> bool:
    who = (
        request.user.pk
        if request.user.is_authenticated
        else ratelimit.client_ip(request)
    )
    return ratelimit.hit_and_check(
        f"hearings-comment:{who}", limit=COMMENTS_PER_HOUR, period=3600
    )


@requires("hearings.comment", load=Hearing)
@require_POST
def comment_create(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    """A comment on a section (``section`` in the form), the whole, or a reply."""
    sections = hearing.sections.all()
    section_id, parent_id = (
        request.POST.get("section", ""),
        request.POST.get("parent", ""),
    )
    section = (
        get_object_or_404(sections, pk=section_id) if section_id.isdigit() else None
    )
    parent = (
        get_object_or_404(hearing.comments.shown(), pk=parent_id)
        if parent_id.isdigit()
        else None
    )
    if parent is not None:
        section = parent.section
    prefix = f"s{section.pk}" if section else "whole"
    form = CommentForm(request.POST, request.FILES, auto_id=f"id_{prefix}_%s")
    if not form.is_valid():
        if not request.htmx:
            messages.error(
                request, " ".join(m for e in form.errors.values() for m in e)
            )
        return _back(request, hearing, section, form=form)
    if _too_fast(request):
        messages.error(
            request, _("Too many comments in a short time; try again later.")
        )
        return _back(request, hearing, section)
    try:
        comment = actions.comment_create(
            hearing=hearing,
            user=request.user,
            body=form.cleaned_data["body"],
            section=section,
            parent=parent,
            author_name=form.cleaned_data["author_name"],
            visitor_token=visitor_token(request),
            language=translation.get_language() or "fi",
            image=form.cleaned_data["image"],
        )
    except HearingError as error:
        messages.error(request, str(error))
    else:
        _thank(request, comment)
    return _back(request, hearing, section)


def _thank(request: HttpRequest, comment: Comment) -> None:
    """A visitor also gets the private link to edit or withdraw the comment."""
    if not comment.edit_token:
        messages.success(request, _("Thank you, your comment is published."))
        return
    remember_edit_link(request, comment)
    link = request.build_absolute_uri(edit_link(comment.pk, comment.edit_token))
    messages.success(
        request,
        _(
            "Thank you, your comment is published. You can edit or withdraw it "
            "from this browser while the hearing is open; to do it elsewhere, "
            "keep this private link: %(link)s"
        )
        % {"link": link},
    )


@requires("hearings.comment", load=Comment)
@require_POST
def comment_support(request: HttpRequest, comment: Comment) -> HttpResponse:
    try:
        actions.comment_support(
            comment=comment, user=request.user, visitor_token=visitor_token(request)
        )
    except HearingError as error:
        messages.error(request, str(error))
    return _back(request, comment.hearing, comment.section)


@requires("hearings.comment", load=Section)
@require_POST
def answers_give(request: HttpRequest, section: Section) -> HttpResponse:
    values = {}
    for question in section.questions.all():
        name = f"q{question.pk}"
        if question.kind == "multiple":
            values[question.pk] = request.POST.getlist(name)
        else:
            values[question.pk] = request.POST.get(name, "")
    try:
        stored = actions.answers_give(
            section=section,
            user=request.user,
            values=values,
            visitor_token=visitor_token(request),
        )
    except HearingError as error:
        messages.error(request, str(error))
    else:
        if stored:
            messages.success(request, _("Thank you, your answers are saved."))
        else:
            messages.error(request, _("Answer at least one question."))
    return _back(request, section.hearing, section)


@requires("hearings.edit_comment", load=Comment)
def comment_edit(request: HttpRequest, comment: Comment) -> HttpResponse:
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            actions.comment_edit(
                comment=comment, user=request.user, body=form.cleaned_data["body"]
            )
        except HearingError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(_anchor(comment.hearing, comment.section))
    return render(
        request, "hearings/comment_edit.html", {"comment": comment, "form": form}
    )


@requires("hearings.edit_comment", load=Comment)
@require_POST
def comment_withdraw(request: HttpRequest, comment: Comment) -> HttpResponse:
    try:
        actions.comment_withdraw(comment=comment, user=request.user)
    except HearingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your comment is withdrawn."))
    return redirect(_anchor(comment.hearing, comment.section))


@requires("hearings.report_comment", load=Comment)
def comment_report(request: HttpRequest, comment: Comment) -> HttpResponse:
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.comment_report(
                comment=comment,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
            )
        except HearingError as error:
            form.add_error("reason", str(error))
        else:
            messages.success(request, _("Thank you; the moderators will look at it."))
            return redirect(_anchor(comment.hearing, comment.section))
    return render(
        request, "hearings/comment_report.html", {"comment": comment, "form": form}
    )


@requires("hearings.moderate")
def moderation(request: HttpRequest) -> HttpResponse:
    """The moderators' queue: comments with pending reports, and hidden ones."""
    comments = Comment.objects.filter(organisation=request.organisation)
    if request.method == "POST":
        comment = get_object_or_404(comments, pk=request.POST.get("comment") or 0)
        try:
            actions.comment_moderate(
                comment=comment,
                by=request.user,
                hide=request.POST.get("action") == "hide",
                reason=request.POST.get("reason", ""),
            )
        except HearingError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Decision saved."))
        return redirect("hearings:moderation")
    queue = (
        comments.filter(reports__resolved_at__isnull=True)
        .distinct()
        .select_related("hearing")
        .prefetch_related("reports")
    )
    hidden = comments.filter(is_hidden=True).select_related("hearing")[:50]
    return render(
        request, "hearings/moderation.html", {"queue": queue, "hidden": hidden}
    )
