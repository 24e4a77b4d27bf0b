"""A version: its step table and VSM, the step forms, comparison, BPMN, RACI."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.organisation.access import requires
from tuuma.processes import actions, bpmn, exports
from tuuma.processes.forms import BpmnImportForm, CommentForm, StepForm, VersionForm
from tuuma.processes.maps import hypothesis_check, version_map
from tuuma.processes.models import Process, State
from tuuma.processes.svg import timeline
from tuuma.processes.views.common import (
    abilities,
    download,
    file_name,
    form_errors,
    version_of,
)
from tuuma.processes.vsm import compare as compare_figures


@requires("processes.view", load=Process)
def version_detail(request: HttpRequest, process: Process, version_id: int):
    version = version_of(process, version_id)
    vmap = version_map(version)
    context = {
        "process": process,
        "version": version,
        "vmap": vmap,
        "svg": timeline(vmap),
        "comments": version.comments.select_related("author"),
        "hypothesis": hypothesis_check(version)
        if version.state == State.TO_BE
        else None,
        **abilities(request, process),
    }
    if context["can_comment"]:
        context["comment_form"] = CommentForm()
    return render(request, "processes/version.html", context)


@requires("processes.edit", load=Process)
def version_create(request: HttpRequest, process: Process) -> HttpResponse:
    form = VersionForm(request.POST or None, process=process)
    sources = process.versions.all()
    if request.method == "POST" and form.is_valid():
        copy_from = None
        if request.POST.get("copy_from", "").isdigit():
            copy_from = get_object_or_404(sources, pk=request.POST["copy_from"])
        try:
            version = actions.version_create(
                process=process,
                by=request.user,
                copy_from=copy_from,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The version was added."))
            return redirect(version)
    return render(
        request,
        "processes/version_form.html",
        {"form": form, "process": process, "sources": sources},
    )


@requires("processes.edit", load=Process)
def version_edit(request: HttpRequest, process: Process, version_id: int):
    version = version_of(process, version_id)
    form = VersionForm(request.POST or None, instance=version, process=process)
    if request.method == "POST" and form.is_valid():
        try:
            actions.version_update(version=version, **form.cleaned_data)
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The version was saved."))
            return redirect(version)
    return render(
        request,
        "processes/version_form.html",
        {"form": form, "process": process, "version": version},
    )


@requires("processes.edit", load=Process)
def step_form(
    request: HttpRequest, process: Process, version_id: int, step_id: int | None = None
) -> HttpResponse:
    version = version_of(process, version_id)
    step = get_object_or_404(version.steps, pk=step_id) if step_id else None
    form = StepForm(request.POST or None, instance=step, version=version)
    if request.method == "POST" and form.is_valid():
        try:
            actions.step_save(version=version, step=step, **form.step_data())
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The step was saved."))
            return redirect(version)
    return render(
        request,
        "processes/step_form.html",
        {"form": form, "process": process, "version": version, "step": step},
    )


@require_POST
@requires("processes.edit", load=Process)
def step_move(request: HttpRequest, process: Process, version_id: int, step_id: int):
    version = version_of(process, version_id)
    step = get_object_or_404(version.steps, pk=step_id)
    actions.step_move(step=step, offset=-1 if request.POST.get("up") else 1)
    return redirect(f"{version.get_absolute_url()}#step-{step.pk}")


@require_POST
@requires("processes.edit", load=Process)
def step_delete(request: HttpRequest, process: Process, version_id: int, step_id: int):
    version = version_of(process, version_id)
    actions.step_delete(
        step=get_object_or_404(version.steps, pk=step_id), by=request.user
    )
    messages.success(request, _("The step was removed."))
    return redirect(version)


@require_POST
@requires("processes.comment", load=Process)
def comment_add(request: HttpRequest, process: Process, version_id: int):
    version = version_of(process, version_id)
    form = CommentForm(request.POST)
    if form.is_valid():
        actions.comment_add(
            version=version, by=request.user, text=form.cleaned_data["text"]
        )
        messages.success(request, _("Your comment was added."))
    return redirect(f"{version.get_absolute_url()}#comments")


@requires("processes.view", load=Process)
def compare(request: HttpRequest, process: Process) -> HttpResponse:
    versions = list(process.versions.all())
    chosen = []
    for key in ("a", "b"):
        value = request.GET.get(key, "")
        found = next((v for v in versions if str(v.pk) == value), None)
        chosen.append(found)
    if None in chosen and len(versions) >= 2:
        as_is = [v for v in versions if v.state == State.AS_IS] or versions
        to_be = [v for v in versions if v.state == State.TO_BE and v != as_is[0]]
        chosen = [chosen[0] or as_is[0], chosen[1] or (to_be or versions)[-1]]
    context = {"process": process, "versions": versions}
    if None not in chosen:
        left, right = (version_map(v) for v in chosen)
        size = max(len(left.rows), len(right.rows))
        context.update(
            left=left,
            right=right,
            pairs=[
                (
                    left.rows[i] if i < len(left.rows) else None,
                    right.rows[i] if i < len(right.rows) else None,
                )
                for i in range(size)
            ],
            delta=compare_figures(left.figures, right.figures),
        )
    return render(request, "processes/compare.html", context)


@requires("processes.view", load=Process)
def bpmn_export(request: HttpRequest, process: Process, version_id: int):
    version = version_of(process, version_id)
    data = bpmn.export(process.name, list(version.steps.all()))
    return download(
        data, "application/xml", file_name(f"{process.name}-{version.name}", "bpmn")
    )


@requires("processes.edit", load=Process)
def bpmn_import(request: HttpRequest, process: Process) -> HttpResponse:
    form = BpmnImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            rows = bpmn.read(form.cleaned_data["file"].read())
        except bpmn.BpmnError:
            form.add_error(
                "file", _("This is not a BPMN 2.0 flow with tasks that can be read.")
            )
        else:
            version = actions.version_import(
                process=process,
                by=request.user,
                name=form.cleaned_data["name"],
                rows=rows,
            )
            messages.success(
                request,
                _("%(n)s steps were read into a new version.") % {"n": len(rows)},
            )
            return redirect(version)
    return render(
        request, "processes/bpmn_import.html", {"form": form, "process": process}
    )


@requires("processes.view", load=Process)
def raci_xlsx(request: HttpRequest, process: Process, version_id: int):
    version = version_of(process, version_id)
    header, rows = exports.raci_rows(version)
    return download(
        exports.xlsx("RACI", header, rows),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        file_name(f"{process.name}-{version.name}-raci", "xlsx"),
    )
