"""Merging a duplicate: find the other idea by title or number as you type,
see both side by side, then confirm.

Without JavaScript the same form works in steps: the search is posted and the
page lists the matches; choosing one shows both ideas before the merge.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas import actions
from tuuma.ideas.models import Idea, IdeaOutcome, IdeaStatus
from tuuma.ideas.triage_forms import MergeForm
from tuuma.ideas.views.triage import triage_page
from tuuma.organisation.access import requires

CANDIDATES = 10


def merge_candidates(request: HttpRequest, idea: Idea, text: str) -> list[Idea]:
    """Ideas of this organisation the duplicate could go into: by number
    (``123`` or ``#123``) or by words of the title and text."""
    text = text.strip()
    if not text:
        return []
    others = (
        Idea.objects.filter(organisation=request.organisation)
        .exclude(pk=idea.pk)
        .exclude(status=IdeaStatus.DRAFT)
        .exclude(outcome=IdeaOutcome.MERGED)
        .select_related("service_area")
    )
    number = text.lstrip("#")
    if number.isdigit() and len(number) < 10:
        by_number = list(others.filter(pk=int(number)))
        if by_number:
            return by_number
    found = others.filter(Q(title__icontains=text) | Q(pk__in=others.search(text)))
    return list(found.order_by("-published_at", "-pk")[:CANDIDATES])


@login_required
@requires("ideas.triage", load=Idea)
def merge_search(request: HttpRequest, idea: Idea) -> HttpResponse:
    """The matches as radio buttons (htmx, as the moderator types)."""
    text = request.GET.get("q", "")[:200]
    return render(
        request,
        "ideas/staff/_merge_candidates.html",
        {"idea": idea, "candidates": merge_candidates(request, idea, text), "q": text},
    )


@login_required
@requires("ideas.triage", load=Idea)
@require_POST
def idea_merge(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = MergeForm(request.POST)
    if not form.is_valid():
        return triage_page(request, idea, merge_form=form)
    data = form.cleaned_data
    into = None
    if data["into"]:
        into = Idea.objects.filter(
            organisation=request.organisation, pk=data["into"]
        ).first()
        if into is None or into.pk == idea.pk:
            form.add_error("q", _("No such idea."))
            return triage_page(request, idea, merge_form=form)
    if into is None:
        # A search posted without JavaScript: list the matches to choose from.
        candidates = merge_candidates(request, idea, data["q"])
        if not candidates:
            form.add_error("q", _("No idea matches the search."))
        return triage_page(request, idea, merge_form=form, merge_candidates=candidates)
    if not data["confirm"]:
        return render(
            request,
            "ideas/staff/merge_confirm.html",
            {"idea": idea, "into": into, "text": data["text"]},
        )
    try:
        actions.idea_merge(
            idea=idea, into=into, by=request.user, public_text=data["text"]
        )
    except actions.IdeaActionError as error:
        form.add_error("q", str(error))
        return triage_page(request, idea, merge_form=form)
    messages.success(request, _("The ideas have been merged."))
    return redirect(into)
