"""Board packs: order one, follow the job, reopen it and download its files."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify

from tuuma.insights import actions
from tuuma.insights.dashboard import SECTIONS
from tuuma.insights.forms import PackForm
from tuuma.insights.models import BoardPack
from tuuma.insights.pack import drawn_charts
from tuuma.lib.exports import XLSX_CONTENT_TYPE
from tuuma.organisation.access import requires


@login_required
@requires("insights.view")
def pack_list(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    form = PackForm(
        request.POST or None,
        organisation=organisation,
        initial={
            "sections": [key for key, _title, _ids in SECTIONS],
            "language": request.LANGUAGE_CODE
            if request.LANGUAGE_CODE == "sv"
            else "fi",
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        pack = actions.board_pack_order(
            organisation=organisation,
            by=request.user,
            title=data["title"],
            start=data["start"],
            end=data["end"],
            service_area=data["service_area"],
            sections=data["sections"],
            language=data["language"],
        )
        return redirect("jobs:detail", job_id=pack.job_id)
    packs = BoardPack.objects.filter(organisation=organisation).defer("pdf", "xlsx")
    return render(
        request,
        "insights/packs.html",
        {"form": form, "packs": packs},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@login_required
@requires("insights.view", load=BoardPack)
def pack_detail(request: HttpRequest, pack: BoardPack) -> HttpResponse:
    return render(
        request,
        "insights/pack.html",
        {"pack": pack, "figures": pack.figures, "charts": drawn_charts(pack.figures)},
    )


def _file(pack: BoardPack, content: bytes, extension: str, kind: str) -> HttpResponse:
    """The stored file, named by the pack's title and date."""
    slug = slugify(pack.title) or "kokouspaketti"
    response = HttpResponse(bytes(content), content_type=kind)
    response["Content-Disposition"] = (
        f'attachment; filename="{slug}-{pack.created_at:%Y-%m-%d}.{extension}"'
    )
    return response


@login_required
@requires("insights.view", load=BoardPack)
def pack_pdf(request: HttpRequest, pack: BoardPack) -> HttpResponse:
    if not pack.is_ready:
        return redirect(pack)
    return _file(pack, pack.pdf, "pdf", "application/pdf")


@login_required
@requires("insights.view", load=BoardPack)
def pack_xlsx(request: HttpRequest, pack: BoardPack) -> HttpResponse:
    if not pack.is_ready:
        return redirect(pack)
    return _file(pack, pack.xlsx, "xlsx", XLSX_CONTENT_TYPE)
