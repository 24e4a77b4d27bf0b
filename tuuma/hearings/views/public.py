"""Pages anyone may open: the lists, a hearing, a matter, their images."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tuuma.hearings.choices import PHASE_ORDER
from tuuma.hearings.forms import CommentForm
from tuuma.hearings.models import Comment, Hearing, Matter, Section
from tuuma.hearings.pages import section_blocks
from tuuma.organisation.access import public, requires
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import can, can_somewhere
from tuuma.programme.models import Measure


def _filtered(request: HttpRequest, queryset, area: ServiceArea | None):
    if area is not None:
        queryset = queryset.filter(service_area=area)
    text = request.GET.get("q", "").strip()[:100]
    if text:
        queryset = queryset.search(text)
    return queryset


@requires("hearings.view")
@require_GET
def hearing_list(request: HttpRequest) -> HttpResponse:
    """Open, upcoming and ended hearings and the matters, per service area."""
    organisation = request.organisation
    areas = ServiceArea.objects.filter(organisation=organisation)
    slug = request.GET.get("alue", "")
    area = areas.filter(slug=slug).first() if slug else None
    hearings = _filtered(
        request,
        Hearing.objects.visible_to(request.user, organisation).select_related(
            "service_area"
        ),
        area,
    )
    matters = _filtered(
        request, Matter.objects.visible_to(request.user, organisation), area
    )
    context = {
        "open": hearings.open_now().order_by("closes_at"),
        "upcoming": hearings.upcoming().order_by("opens_at"),
        "ended": hearings.ended().order_by("-closes_at")[:50],
        "drafts": hearings.filter(status="draft"),
        "matters": matters.select_related("service_area")[:50],
        "areas": areas,
        "area": area,
        "q": request.GET.get("q", "")[:100],
        "may_prepare": can_somewhere(request.user, "hearings.prepare", organisation),
    }
    return render(request, "hearings/list.html", context)


def hearing_page(request: HttpRequest, hearing: Hearing, **extra) -> HttpResponse:
    blocks = section_blocks(request, hearing)
    for block in blocks:
        prefix = f"s{block['section'].pk}" if block["section"] else "whole"
        block["form"] = CommentForm(auto_id=f"id_{prefix}_%s")
    user, organisation = request.user, request.organisation
    context = {
        "hearing": hearing,
        "blocks": blocks,
        "may_prepare": can(user, "hearings.prepare", organisation, hearing),
        "may_moderate": can(user, "hearings.moderate", organisation),
        "may_report": can(user, "hearings.report_comment", organisation),
        "admitted": hearing.admits(user),
        "themes_url": can(user, "hearings.write_report", organisation, hearing),
        **extra,
    }
    return render(request, "hearings/hearing.html", context)


@requires("hearings.view", load=Hearing)
@require_GET
def hearing_detail(request: HttpRequest, hearing: Hearing) -> HttpResponse:
    """The hearing; a draft only for its preparers (the staff preview)."""
    return hearing_page(request, hearing)


@public
@require_GET
def hearing_preview(request: HttpRequest, token: str) -> HttpResponse:
    """A draft shared by its secret link, before publishing (read only)."""
    hearing = get_object_or_404(
        Hearing, organisation=request.organisation, preview_token=token
    )
    return hearing_page(request, hearing, preview=True)


def _image(file, content_type: str, name: str) -> FileResponse:
    response = FileResponse(file.open("rb"), content_type=content_type, filename=name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@public
@require_GET
def section_image(request: HttpRequest, pk: int) -> FileResponse:
    """Public, checked here: a section without an image is a 404 for everyone."""
    sections = Section.objects.visible_to(request.user, request.organisation)
    section = get_object_or_404(sections, pk=pk)
    if not section.image:
        raise Http404
    return _image(section.image, "image/*", "image")


@public
@require_GET
def comment_image(request: HttpRequest, pk: int) -> FileResponse:
    comments = Comment.objects.visible_to(request.user, request.organisation)
    comment = get_object_or_404(comments.shown(), pk=pk)
    if not comment.image:
        raise Http404
    return _image(comment.image, comment.image_type, comment.image_name)


@requires("hearings.view", load=Matter)
@require_GET
def matter_detail(request: HttpRequest, matter: Matter) -> HttpResponse:
    """The matter's phases and dates, hearings, decision and measures."""
    user, organisation = request.user, request.organisation
    measures = (
        Measure.objects.visible_to(user, organisation)
        .filter(matters=matter)
        .prefetch_related("indicators__values")
    )
    following = user.is_authenticated and matter.followers.filter(user=user).exists()
    context = {
        "matter": matter,
        "changes": list(matter.phase_changes.all()),
        "phases": [(phase.value, phase.label) for phase in PHASE_ORDER],
        "hearings": Hearing.objects.visible_to(user, organisation).filter(
            matter=matter
        ),
        "measures": measures,
        "following": following,
        "may_follow": can(user, "hearings.follow", organisation, matter),
        "may_manage": can(user, "hearings.manage_matters", organisation, matter),
    }
    return render(request, "hearings/matter.html", context)
