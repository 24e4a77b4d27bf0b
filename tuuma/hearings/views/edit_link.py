"""A visitor without an account edits or withdraws their comment by its private
edit link (``kommentit/<id>/muokkaa/<token>/``), shown when they comment.

The token is the permission, like the draft's preview link: the views are public
and the action checks the token against the hash kept on the comment. The same
browser keeps its links in the session, so the hearing page offers "Edit or
withdraw" beside the visitor's own comments. Every request to these views counts
towards a per-address limit, which also stops guessing tokens. An edited comment
stays under moderation: one hidden by a moderator stays hidden.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.hearings import actions
from tuuma.hearings.actions import HearingError
from tuuma.hearings.actions.participation import is_editor
from tuuma.hearings.forms import EditCommentForm
from tuuma.hearings.models import Comment
from tuuma.organisation.access import public
from tuuma.web import ratelimit

EDIT_REQUESTS_PER_HOUR = 60


def _comment(request: HttpRequest, pk: int, token: str) -> Comment:
    """The visitor's comment, or 404 for an unknown id or a wrong token alike."""
    comments = Comment.objects.visible_to(request.user, request.organisation)
    comment = get_object_or_404(comments.filter(withdrawn_at__isnull=True), pk=pk)
    if not is_editor(comment, None, token):
        raise Http404
    return comment


def _too_many(request: HttpRequest) -> HttpResponse | None:
    who = ratelimit.client_ip(request)
    if ratelimit.hit_and_check(
        f"hearings-edit-link:{who}", limit=EDIT_REQUESTS_PER_HOUR, period=3600
    ):
        message = _("Too many attempts in a short time; try again later.")
        return render(
            request, "ideas/rate_limited.html", {"message": message}, status=429
        )
    return None


@public
def comment_edit_link(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    if refused := _too_many(request):
        return refused
    comment = _comment(request, pk, token)
    form = EditCommentForm(request.POST or None, initial={"body": comment.body})
    if request.method == "POST" and form.is_valid():
        try:
            actions.comment_edit(
                comment=comment,
                user=request.user,
                body=form.cleaned_data["body"],
                edit_token=token,
            )
        except HearingError as error:
            form.add_error("body", str(error))
        else:
            messages.success(request, _("Your comment is updated."))
            return redirect(comment.hearing.get_absolute_url() + f"#comment-{pk}")
    context = {
        "comment": comment,
        "form": form,
        "withdraw_url": reverse("hearings:comment-withdraw-link", args=[pk, token]),
    }
    return render(request, "hearings/comment_edit.html", context)


@public
@require_POST
def comment_withdraw_link(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    if refused := _too_many(request):
        return refused
    comment = _comment(request, pk, token)
    try:
        actions.comment_withdraw(comment=comment, user=request.user, edit_token=token)
    except HearingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Your comment is withdrawn."))
    return redirect(comment.hearing.get_absolute_url())
