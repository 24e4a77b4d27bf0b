"""The catalogue: tree and searchable list, a process page, its forms, exports."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.lib.paging import page_of
from tuuma.organisation.access import public, requires
from tuuma.organisation.models import ServiceArea
from tuuma.organisation.permissions import areas_where, can, can_somewhere
from tuuma.processes import actions, exports
from tuuma.processes.forms import LinkForm, ProcessForm
from tuuma.processes.maps import version_map
from tuuma.processes.models import Process, State
from tuuma.processes.svg import timeline
from tuuma.processes.views.common import (
    abilities,
    download,
    form_errors,
    visible_links,
)


def _visible(request: HttpRequest):
    return Process.objects.visible_to(request.user, request.organisation)


def _tree(processes: list[Process], areas) -> list[dict]:
    """Service areas, each with its top-level processes and their children."""
    children: dict[int | None, list[Process]] = {}
    ids = {p.pk for p in processes}
    for process in processes:
        # A child whose parent is hidden from this person hangs at the top.
        parent = process.parent_id if process.parent_id in ids else None
        children.setdefault(parent, []).append(process)

    def branch(process: Process) -> dict:
        return {
            "process": process,
            "children": [branch(c) for c in children.get(process.pk, [])],
        }

    tree = []
    for area in areas:
        roots = [p for p in children.get(None, []) if p.service_area_id == area.pk]
        if roots:
            tree.append({"area": area, "items": [branch(p) for p in roots]})
    return tree


@public
def index(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    processes = _visible(request).select_related("owner", "service_area")
    query = request.GET.get("q", "").strip()
    area = request.GET.get("area", "")
    areas = ServiceArea.objects.filter(organisation=organisation)
    context = {
        "query": query,
        "areas": areas,
        "area": area,
        "core_only": request.GET.get("core") == "1",
        "can_create": can_somewhere(request.user, "processes.create", organisation),
        "can_see_reviews": can(request.user, "processes.view_all", organisation),
    }
    if query or area.isdigit() or context["core_only"]:
        if query:
            processes = processes.search(query)
        if area.isdigit():
            processes = processes.filter(service_area_id=int(area))
        if context["core_only"]:
            processes = processes.filter(is_core=True)
        context["page"] = page_of(request, processes)
        context["results"] = context["page"].object_list
    else:
        context["tree"] = _tree(list(processes), areas)
    return render(request, "processes/index.html", context)


def _form_page(request: HttpRequest, form: ProcessForm, process: Process | None):
    return render(
        request, "processes/process_form.html", {"form": form, "process": process}
    )


@requires("processes.create")
def process_create(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    form = ProcessForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if not can(
            request.user, "processes.create", organisation, area=data["service_area"]
        ):
            form.add_error("service_area", _("You cannot add processes there."))
        else:
            try:
                process = actions.process_create(
                    organisation=organisation, by=request.user, **data
                )
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(request, _("The process was added."))
                return redirect(process)
    return _form_page(request, form, None)


@requires("processes.edit", load=Process)
def process_edit(request: HttpRequest, process: Process) -> HttpResponse:
    organisation = request.organisation
    form = ProcessForm(
        request.POST or None, instance=process, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        # Moving a process needs the right in the area it moves to.
        allowed = areas_where(request.user, "processes.edit", organisation)
        moving = (
            data["service_area"].pk
            != Process.objects.get(pk=process.pk).service_area_id
        )
        if moving and allowed is not None and data["service_area"].pk not in allowed:
            form.add_error("service_area", _("You cannot move processes there."))
        else:
            try:
                actions.process_update(process=process, by=request.user, **data)
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(request, _("The process was saved."))
                return redirect(process)
    return _form_page(request, form, process)


@requires("processes.view", load=Process)
def process_detail(request: HttpRequest, process: Process) -> HttpResponse:
    context = {"process": process, **abilities(request, process)}
    versions = list(process.versions.select_related("measure"))
    main = next((v for v in versions if v.state == State.AS_IS), None) or (
        versions[0] if versions else None
    )
    if main is not None:
        vmap = version_map(main)
        context.update(vmap=vmap, svg=timeline(vmap))
    children = _visible(request).filter(parent=process)
    context.update(
        versions=versions,
        main=main,
        children=children,
        **visible_links(request, process),
    )
    if context["can_see_all"]:
        context["reviews"] = process.reviews.order_by("-year")
    if context["can_edit"]:
        context["link_form"] = LinkForm(
            organisation=request.organisation, process=process
        )
    return render(request, "processes/detail.html", context)


@requires("processes.edit", load=Process)
def link_add(request: HttpRequest, process: Process) -> HttpResponse:
    form = LinkForm(
        request.POST or None, organisation=request.organisation, process=process
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.link_add(process=process, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The link was added."))
            # A link made in a review (its decisions) goes back to the review.
            return redirect(form.cleaned_data["review"] or process)
    return render(
        request, "processes/link_form.html", {"form": form, "process": process}
    )


def _catalogue(request: HttpRequest):
    processes = _visible(request).select_related(
        "service_area", "parent", "owner", "deputy"
    )
    return exports.catalogue_rows(processes.order_by("service_area__name", "code"))


@public
def catalogue_xlsx(request: HttpRequest) -> HttpResponse:
    header, rows = _catalogue(request)
    return download(
        exports.xlsx(_("Processes"), header, rows),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "processes.xlsx",
    )


@public
def catalogue_csv(request: HttpRequest) -> HttpResponse:
    header, rows = _catalogue(request)
    return download(
        exports.csv_bytes(header, rows), "text/csv; charset=utf-8", "processes.csv"
    )
