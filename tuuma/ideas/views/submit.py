"""Submitting an idea: the form (drafts, attachments, anonymous where allowed)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas import actions
from tuuma.ideas.forms import UPLOAD_REQUEST_MAX, IdeaForm
from tuuma.ideas.models import Idea, IdeaSettings, IdeaStatus
from tuuma.ideas.views.common import rate_limited, too_many
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can, require


def _form(
    request: HttpRequest, instance: Idea | None = None, *, bound: bool = True
) -> IdeaForm:
    return IdeaForm(
        (request.POST or None) if bound else None,
        (request.FILES or None) if bound else None,
        instance=instance,
        organisation=request.organisation,
        is_staff=can(
            request.user, "ideas.submit_staff_initiative", request.organisation
        ),
        is_anonymous=not request.user.is_authenticated,
    )


def _after_save(request: HttpRequest, idea: Idea) -> HttpResponse:
    if idea.status == IdeaStatus.DRAFT:
        messages.success(request, _("Your draft has been saved."))
    elif idea.status == IdeaStatus.SUBMITTED:
        messages.success(
            request, _("Thank you! Your idea will be published after moderation.")
        )
    else:
        messages.success(request, _("Thank you! Your idea has been published."))
    if request.user.is_authenticated:
        return redirect(idea)
    return redirect("ideas:list")


@requires("ideas.submit")
def idea_create(request: HttpRequest) -> HttpResponse:
    settings = IdeaSettings.for_organisation(request.organisation)
    # Anyone may propose, but without an account only where the organisation
    # allows it (a setting, not a role): the others are asked to sign in.
    if not request.user.is_authenticated and not settings.allow_anonymous:
        return redirect_to_login(request.get_full_path())
    if (
        request.method == "POST"
        and int(request.META.get("CONTENT_LENGTH") or 0) > UPLOAD_REQUEST_MAX
    ):
        messages.error(request, _("The files are too big: at most 5 MB each."))
        return render(
            request,
            "ideas/form.html",
            {"form": _form(request, bound=False)},
            status=413,
        )
    form = _form(request)
    if request.method == "POST":
        if rate_limited(request, "submit"):
            return too_many(
                request, _("You have sent many ideas. Try again in an hour.")
            )
        if form.is_valid():
            if form.is_bot():
                messages.success(request, _("Thank you!"))
                return redirect("ideas:list")
            data = form.cleaned_data
            try:
                idea = actions.idea_create(
                    organisation=request.organisation,
                    author=request.user if request.user.is_authenticated else None,
                    kind=data["kind"],
                    title=data["title"],
                    body=data["body"],
                    service_area=data.get("service_area"),
                    location_name=data.get("location_name", ""),
                    is_staff_only=data.get("is_staff_only", False),
                    contact_email=data.get("contact_email", ""),
                    attachments=data.get("attachments", []),
                    submit="save_draft" not in request.POST,
                )
            except actions.IdeaActionError as error:
                form.add_error(None, str(error))
            else:
                return _after_save(request, idea)
    return render(
        request,
        "ideas/form.html",
        {"form": form, "allow_drafts": request.user.is_authenticated},
        status=400 if form.errors else 200,
    )


def _own_draft(request: HttpRequest, pk: int) -> Idea:
    """The person's own draft. Anything else is a 404, not a 403: another
    person's draft is private, and a submitted idea is no longer a draft to edit."""
    idea = get_object_or_404(
        Idea,
        organisation=request.organisation,
        author=request.user,
        status=IdeaStatus.DRAFT,
        pk=pk,
    )
    require(request, "ideas.edit_draft", idea)
    return idea


@login_required
@requires("ideas.edit_draft")
def idea_edit(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _own_draft(request, pk)
    form = _form(request, instance=idea)
    if request.method == "POST" and form.is_valid():
        fields = {
            name: form.cleaned_data[name]
            for name in form.fields
            if name in {f.name for f in Idea._meta.fields}
        }
        actions.idea_update_draft(idea=idea, **fields)
        if "save_draft" not in request.POST:
            actions.idea_submit(idea=idea, by=request.user)
        return _after_save(request, idea)
    return render(
        request,
        "ideas/form.html",
        {"form": form, "idea": idea, "allow_drafts": True},
        status=400 if form.errors else 200,
    )


@login_required
@requires("ideas.edit_draft")
@require_POST
def idea_submit(request: HttpRequest, pk: int) -> HttpResponse:
    idea = _own_draft(request, pk)
    actions.idea_submit(idea=idea, by=request.user)
    return _after_save(request, idea)
