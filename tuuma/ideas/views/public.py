"""Browsing ideas: the list with search and filters, an idea's page, its
attachments, the duplicate hint and the public statistics."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from tuuma.ideas.forms import FilterForm
from tuuma.ideas.models import (
    PUBLIC_STATUSES,
    Comment,
    Follow,
    Idea,
    IdeaSettings,
    IdeaStatus,
    Support,
)
from tuuma.ideas.pagination import CappedPaginator
from tuuma.ideas.stats import answer_stats
from tuuma.ideas.views.charts import statistics_charts
from tuuma.ideas.views.triage import staff_links
from tuuma.lib.metrics import measure
from tuuma.organisation.access import public, requires
from tuuma.organisation.permissions import can
from tuuma.web.pagecache import cached_page, object_scopes, organisation_scopes

PAGE_SIZE = 20


@public
@require_GET
@cached_page(organisation_scopes)
def idea_list(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    form = FilterForm(request.GET or None, organisation=organisation)
    ideas = Idea.objects.filter(organisation=organisation)
    if can(request.user, "ideas.view_staff_only", organisation):
        ideas = ideas.filter(status__in=PUBLIC_STATUSES, is_hidden=False)
    else:
        ideas = ideas.public()
    ideas = form.apply(ideas).select_related("service_area")
    page = CappedPaginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "staff_links": staff_links(request)}
    if request.htmx:
        return render(request, "ideas/list.html#results", context)
    return render(request, "ideas/list.html", context)


@login_required
@requires("ideas.view_own")
@require_GET
def my_ideas(request: HttpRequest) -> HttpResponse:
    """The person's own ideas in every state, drafts included."""
    ideas = (
        Idea.objects.filter(organisation=request.organisation, author=request.user)
        .select_related("service_area")
        .order_by("-created_at", "-id")
    )
    page = CappedPaginator(ideas, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "ideas/mine.html", {"page": page})


def _comments(idea: Idea, *, show_hidden: bool) -> QuerySet[Comment]:
    replies = Comment.objects.select_related("author").order_by("created_at", "pk")
    top = idea.comments.filter(parent__isnull=True).select_related("author")
    if not show_hidden:
        replies = replies.filter(is_hidden=False)
    return top.prefetch_related(Prefetch("replies", queryset=replies))


@requires("ideas.view", load=Idea)
@require_GET
@cached_page(object_scopes)
def idea_detail(request: HttpRequest, idea: Idea) -> HttpResponse:
    user, organisation = request.user, request.organisation
    can_moderate = can(user, "ideas.moderate", organisation)
    events = idea.events.order_by("at", "pk")
    is_staff_viewer = can(user, "ideas.triage", organisation, idea)
    # Others see the steps into public states only: the submitted step of
    # pre-moderation, and who took each step, stay with the handlers.
    if not is_staff_viewer:
        events = events.filter(to_status__in=PUBLIC_STATUSES)
    settings = IdeaSettings.for_organisation(organisation)
    context = {
        "idea": idea,
        "events": events.select_related("by") if is_staff_viewer else events,
        "attachments": list(idea.attachments.all()),
        "comments": _comments(idea, show_hidden=can_moderate),
        "settings": settings,
        "stats": answer_stats(organisation),
        "answer_due": idea.published_at
        + timezone.timedelta(days=settings.answer_target_days)
        if idea.published_at
        else None,
        "is_open": idea.status in PUBLIC_STATUSES
        and not idea.is_hidden
        and not idea.merged_into_id,
        "can_moderate": can_moderate,
        "can_triage": is_staff_viewer,
        "is_author": user.is_authenticated and idea.author_id == user.pk,
        "now": timezone.now(),
    }
    if user.is_authenticated:
        context["supported"] = Support.objects.filter(idea=idea, user=user).exists()
        context["following"] = Follow.objects.filter(idea=idea, user=user).exists()
    return render(request, "ideas/detail.html", context)


@requires("ideas.view", load=Idea)
@require_GET
def attachment_download(
    request: HttpRequest, idea: Idea, attachment_id: int
) -> FileResponse:
    """Files only through this view, which checks the idea is visible."""
    attachment = get_object_or_404(idea.attachments, pk=attachment_id)
    response = FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        as_attachment=not attachment.is_image,
        filename=attachment.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@public
@require_GET
def similar_ideas(request: HttpRequest) -> HttpResponse:
    """The duplicate hint under the title field (htmx; plain GET works too)."""
    title = request.GET.get("title", "")[:200]
    ideas = (
        Idea.objects.filter(organisation=request.organisation)
        .public()
        .similar_to(title)
    )
    return render(request, "ideas/_similar.html", {"similar": list(ideas)})


STATISTICS_METRICS = (
    "ideas.answered",
    "ideas.answered_within_target",
    "ideas.median_answer_days",
)


@public
@require_GET
def statistics(request: HttpRequest) -> HttpResponse:
    ideas = Idea.objects.filter(organisation=request.organisation).public()
    by_status = {
        row["status"]: row["n"]
        for row in ideas.values("status").annotate(n=Count("pk")).order_by()
    }
    rows = [
        (label, by_status.get(value, 0))
        for value, label in IdeaStatus.choices
        if value in PUBLIC_STATUSES
    ]
    stats = answer_stats(request.organisation)
    return render(
        request,
        "ideas/statistics.html",
        {
            "stats": stats,
            # The figures with their registered definitions (ideas/metrics.py).
            "figures": [
                measure(metric_id, request.organisation)
                for metric_id in STATISTICS_METRICS
            ],
            "by_status": rows,
            "charts": statistics_charts(request.organisation, rows, stats.answered),
        },
    )
