"""A3 pages: the sheet with its sections, causes, countermeasures and comments."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.improvement import a3_actions as actions
from tuuma.improvement.a3_charts import fishbone, why_tree
from tuuma.improvement.a3_forms import (
    A3Form,
    CauseForm,
    CheckForm,
    CommentForm,
    CountermeasureForm,
    ImplementedForm,
    ToMeasureForm,
)
from tuuma.improvement.errors import ImprovementError
from tuuma.improvement.models import A3, SECTIONS, Cause
from tuuma.improvement.views.common import areas_for
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can
from tuuma.processes.maps import version_map
from tuuma.processes.svg import timeline


@requires("improvement.view")
def a3_list(request: HttpRequest) -> HttpResponse:
    a3s = A3.objects.filter(organisation=request.organisation).select_related("owner")
    return render(request, "improvement/a3_list.html", {"a3s": a3s})


def _a3_form(request: HttpRequest, instance=None) -> A3Form:
    return A3Form(
        request.POST or None,
        instance=instance,
        organisation=request.organisation,
        areas=areas_for(request, "improvement.edit_a3"),
        initial={"problem": request.GET.get("problem")} if instance is None else None,
    )


@requires("improvement.edit_a3")
def a3_create(request: HttpRequest) -> HttpResponse:
    form = _a3_form(request)
    if request.method == "POST" and form.is_valid():
        try:
            a3 = actions.a3_create(
                organisation=request.organisation,
                owner=request.user,
                **form.cleaned_data,
            )
        except ImprovementError as error:
            form.add_error(None, str(error))
        else:
            return redirect(a3)
    return render(
        request, "improvement/form_page.html", {"form": form, "heading": _("New A3")}
    )


@requires("improvement.edit_a3", load=A3)
def a3_edit(request: HttpRequest, a3: A3) -> HttpResponse:
    form = _a3_form(request, a3)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "problem"}
        actions.a3_update(a3=a3, **data)
        return redirect(a3)
    return render(
        request, "improvement/form_page.html", {"form": form, "heading": a3.title}
    )


@requires("improvement.view", load=A3)
def a3_detail(request: HttpRequest, a3: A3) -> HttpResponse:
    causes = list(
        a3.causes.select_related(
            "idea",
            "measure",
            "evidence_idea",
            "evidence_caselog",
            "evidence_feature__survey",
        )
    )
    comments = list(a3.comments.select_related("author"))
    sections = [
        {
            "key": key,
            "name": name,
            "text": getattr(a3, key, ""),
            "comments": [c for c in comments if c.section == key],
        }
        for key, name in SECTIONS
    ]
    may_edit = can(request.user, "improvement.edit_a3", request.organisation, a3)
    context = {
        "a3": a3,
        "sections": sections,
        "tree": why_tree(causes),
        "fishbone": fishbone(a3, causes),
        "has_root": any(c.is_root for c in causes),
        "countermeasures": a3.countermeasures.select_related("cause"),
        "checks": a3.checks.all(),
        "may_edit": may_edit,
        "may_review": can(
            request.user, "improvement.review_a3", request.organisation, a3
        ),
        "cause_form": CauseForm(a3=a3) if may_edit else None,
        "countermeasure_form": CountermeasureForm(a3=a3) if may_edit else None,
        "comment_form": CommentForm(),
        "measure_form": ToMeasureForm(organisation=request.organisation),
        "implemented_form": ImplementedForm(),
        "check_form": CheckForm(),
        **_process_map(a3),
    }
    return render(request, "improvement/a3_detail.html", context)


def _process_map(a3: A3) -> dict:
    """The value stream map of the version holding the A3's process step, shown
    with the current state (the step table and figures come from the processes
    app, log-derived where the version is mapped to a case log)."""
    step = a3.process_step
    if step is None:
        return {}
    vmap = version_map(step.version)
    return {"step": step, "vmap": vmap, "svg": timeline(vmap)}


def _refused_or_back(request: HttpRequest, a3: A3, form, heading: str) -> HttpResponse:
    return render(
        request, "improvement/form_page.html", {"form": form, "heading": heading}
    )


@require_POST
@requires("improvement.edit_a3", load=A3)
def cause_add(request: HttpRequest, a3: A3) -> HttpResponse:
    form = CauseForm(request.POST, request.FILES, a3=a3)
    if form.is_valid():
        try:
            actions.cause_add(a3=a3, by=request.user, **form.cleaned_data)
            return redirect(a3)
        except ImprovementError as error:
            form.add_error(None, str(error))
    return _refused_or_back(request, a3, form, _("Add a cause"))


@require_POST
@requires("improvement.edit_a3", load=Cause)
def cause_to_idea(request: HttpRequest, cause: Cause) -> HttpResponse:
    idea = actions.cause_to_idea(cause=cause, by=request.user)
    messages.success(
        request, _("The cause is now an idea: %(title)s") % {"title": idea.title}
    )
    return redirect(cause.a3)


@require_POST
@requires("improvement.edit_a3", load=Cause)
def cause_to_measure(request: HttpRequest, cause: Cause) -> HttpResponse:
    form = ToMeasureForm(request.POST, organisation=request.organisation)
    if form.is_valid():
        try:
            actions.cause_to_measure(cause=cause, by=request.user, **form.cleaned_data)
            return redirect(cause.a3)
        except ImprovementError as error:
            form.add_error(None, str(error))
    return _refused_or_back(request, cause.a3, form, _("Make a measure"))


@require_POST
@requires("improvement.edit_a3", load=A3)
def countermeasure_add(request: HttpRequest, a3: A3) -> HttpResponse:
    form = CountermeasureForm(request.POST, a3=a3)
    if form.is_valid():
        try:
            actions.countermeasure_add(a3=a3, **form.cleaned_data)
            return redirect(a3)
        except ImprovementError as error:
            form.add_error(None, str(error))
    elif not a3.causes.filter(is_root=True).exists():
        form.add_error(
            None, _("Record a verified root cause before adding countermeasures.")
        )
    return _refused_or_back(request, a3, form, _("Add a countermeasure"))


@require_POST
@requires("improvement.review_a3", load=A3)
def comment_add(request: HttpRequest, a3: A3) -> HttpResponse:
    form = CommentForm(request.POST)
    if form.is_valid():
        actions.review_comment_add(a3=a3, by=request.user, **form.cleaned_data)
        return redirect(a3)
    return _refused_or_back(request, a3, form, _("Comment"))


@require_POST
@requires("improvement.edit_a3", load=A3)
def mark_implemented(request: HttpRequest, a3: A3) -> HttpResponse:
    form = ImplementedForm(request.POST)
    if form.is_valid():
        try:
            actions.a3_mark_implemented(a3=a3, on=form.cleaned_data["implemented_on"])
        except ImprovementError as error:
            messages.error(request, str(error))
    return redirect(a3)


@require_POST
@requires("improvement.edit_a3", load=A3)
def check_record(request: HttpRequest, a3: A3, check_id: int) -> HttpResponse:
    check = a3.checks.filter(pk=check_id).first()
    form = CheckForm(request.POST)
    if check is not None and form.is_valid():
        actions.check_record(check=check, **form.cleaned_data)
    return redirect(a3)
