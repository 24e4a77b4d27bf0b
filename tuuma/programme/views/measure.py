"""A measure's page and the forms that change it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.ideas.models import Idea
from tuuma.organisation.access import requires
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.organisation.permissions import areas_where, can
from tuuma.programme import actions
from tuuma.programme.charts import indicator_chart
from tuuma.programme.forms import (
    CommentForm,
    IndicatorForm,
    IndicatorValueForm,
    LinkIdeaForm,
    MeasureForm,
    MilestoneForm,
    ProgressForm,
    ResultForm,
    StatusForm,
)
from tuuma.programme.models import IndicatorValue, Measure, MeasureStatus, Milestone
from tuuma.programme.views.access import (
    CHANGE,
    changeable_measures,
    idea_to_link,
    part_to_change,
)


def _areas(user, organisation: Organisation, permission: str, keep=None) -> QuerySet:
    """Service areas where ``user`` holds ``permission`` (plus ``keep``)."""
    areas = ServiceArea.objects.filter(organisation=organisation)
    allowed = areas_where(user, permission, organisation)
    # ``keep`` is the measure's current area: an owner editing a measure of an
    # area where they hold no role must still see (and keep) its area.
    if allowed is None:
        return areas
    ids = [*allowed, keep.pk] if keep else allowed
    return areas.filter(pk__in=ids)


def _form_page(
    request: HttpRequest, measure: Measure, form, heading: str
) -> HttpResponse:
    """The refused form on a page of its own, with its errors; it posts back here."""
    return render(
        request,
        "programme/form_page.html",
        {"measure": measure, "form": form, "heading": heading},
    )


@requires("programme.view", load=Measure, kwarg="measure_id")
def measure_detail(request: HttpRequest, measure: Measure) -> HttpResponse:
    user, organisation = request.user, request.organisation
    today = timezone.localdate()
    can_change = can(user, CHANGE, organisation, measure)
    is_staff = can(user, "programme.view_unpublished", organisation)
    indicators = measure.indicators.prefetch_related(
        Prefetch("values", queryset=IndicatorValue.objects.order_by("date"))
    )
    # Newest first (the model's ordering), so the first is the latest.
    updates = list(measure.progress_updates.select_related("author"))
    context = {
        "measure": measure,
        "can_change": can_change,
        "can_comment": can(user, "programme.comment", organisation),
        "is_staff": is_staff,
        "latest": updates[0] if updates else None,
        "today": today,
        "indicators": [
            (
                i,
                indicator_chart(i),
                can_change
                and IndicatorValueForm(
                    initial={"date": today}, auto_id=f"value{i.pk}-%s"
                ),
            )
            for i in indicators
        ],
        "milestones": measure.milestones.all(),
        "updates": updates,
        "participants": measure.participants.all(),
        # Linked ideas are shown only as far as the reader may see each idea.
        "ideas": measure.ideas.filter(
            pk__in=Idea.objects.visible_to(user, organisation)
        ),
    }
    if is_staff:
        context["events"] = measure.events.select_related("actor")
        context["comments"] = measure.comments.select_related("author")
        context["comment_form"] = CommentForm(auto_id="comment-%s")
    if can_change:
        context.update(
            status_form=StatusForm(
                initial={"status": measure.status}, auto_id="status-%s"
            ),
            progress_form=ProgressForm(initial={"date": today}, auto_id="progress-%s"),
            milestone_form=MilestoneForm(auto_id="milestone-%s"),
            indicator_form=IndicatorForm(auto_id="indicator-%s"),
            result_form=ResultForm(measure=measure, auto_id="result-%s"),
        )
    return render(request, "programme/measure_detail.html", context)


@login_required
@requires("programme.create_measure")
def measure_create(request: HttpRequest) -> HttpResponse:
    """A new measure; with ``?idea=<id>`` it starts from that accepted idea."""
    organisation = request.organisation
    areas = _areas(request.user, organisation, "programme.create_measure")
    idea = idea_to_link(request, request.GET.get("idea"))
    initial = {"owner": request.user}
    if idea:
        initial.update(title=idea.title, description=idea.body)
        if idea.service_area in areas:
            initial["service_area"] = idea.service_area
    form = MeasureForm(
        request.POST or None, organisation=organisation, areas=areas, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        measure = actions.measure_create(
            organisation=organisation,
            by=request.user,
            participants=form.cleaned_data["participants"],
            ideas=[idea] if idea else [],
            **form.changes(),
        )
        messages.success(request, _("The measure has been created."))
        return redirect(measure)
    link_form = idea and LinkIdeaForm(measures=changeable_measures(request))
    return render(
        request,
        "programme/measure_form.html",
        {"form": form, "idea": idea, "link_form": link_form},
    )


@login_required
@requires(CHANGE)
@require_POST
def idea_link(request: HttpRequest, idea_id: int) -> HttpResponse:
    """Let an existing measure carry the accepted idea.

    The form offers only the measures the person may change, so the measure's
    own rule is checked by the choice itself."""
    idea = idea_to_link(request, idea_id)
    form = LinkIdeaForm(request.POST, measures=changeable_measures(request))
    if not form.is_valid():
        return render(
            request,
            "programme/measure_form.html",
            {"idea": idea, "link_form": form, "form": None},
        )
    measure = actions.measure_link_idea(
        measure=form.cleaned_data["measure"], idea=idea, by=request.user
    )
    messages.success(request, _("The idea is now carried by this measure."))
    return redirect(measure)


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
def measure_edit(request: HttpRequest, measure: Measure) -> HttpResponse:
    areas = _areas(
        request.user,
        request.organisation,
        "programme.change_measure",
        keep=measure.service_area,
    )
    form = MeasureForm(
        request.POST or None,
        instance=measure,
        organisation=request.organisation,
        areas=areas,
    )
    if request.method == "POST" and form.is_valid():
        actions.measure_update(
            measure=measure,
            by=request.user,
            changes=form.changes(),
            participants=form.cleaned_data["participants"],
        )
        messages.success(request, _("The measure has been saved."))
        return redirect(measure)
    return render(
        request, "programme/measure_form.html", {"form": form, "measure": measure}
    )


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
@require_POST
def measure_status(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _form_page(request, measure, form, _("Change status"))
    measure = actions.measure_change_status(
        measure=measure,
        to_status=form.cleaned_data["status"],
        by=request.user,
        reason=form.cleaned_data["reason"],
    )
    messages.success(
        request,
        _("Status is now: %(status)s.") % {"status": measure.get_status_display()},
    )
    if measure.status == MeasureStatus.DONE and not measure.result_achieved:
        messages.info(request, _("Record what was achieved below."))
    return redirect(measure)


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
@require_POST
def measure_publish(request: HttpRequest, measure: Measure) -> HttpResponse:
    published = request.POST.get("published") == "1"
    actions.measure_set_published(measure=measure, published=published, by=request.user)
    if published:
        messages.success(request, _("The measure is now public."))
    else:
        messages.success(request, _("The measure is now visible to staff only."))
    return redirect(measure)


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
@require_POST
def progress_post(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = ProgressForm(request.POST)
    if not form.is_valid():
        return _form_page(request, measure, form, _("Post a progress update"))
    actions.measure_post_progress(measure=measure, by=request.user, **form.cleaned_data)
    messages.success(request, _("The progress update has been saved."))
    return redirect(measure)


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
@require_POST
def result_record(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = ResultForm(request.POST, measure=measure)
    if not form.is_valid():
        return _form_page(request, measure, form, _("Record the result"))
    actions.measure_record_result(
        measure=measure,
        by=request.user,
        aim=form.cleaned_data["aim"],
        achieved=form.cleaned_data["achieved"],
        values=form.indicator_values(),
    )
    messages.success(request, _("The result has been recorded."))
    return redirect(measure)


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
@require_POST
def milestone_add(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = MilestoneForm(request.POST)
    if not form.is_valid():
        return _form_page(request, measure, form, _("Add a milestone"))
    actions.milestone_add(measure=measure, **form.cleaned_data)
    messages.success(request, _("The milestone has been added."))
    return redirect(measure)


@login_required
@requires(CHANGE)
@require_POST
def milestone_reached(request: HttpRequest, milestone_id: int) -> HttpResponse:
    milestone = part_to_change(request, Milestone, milestone_id)
    actions.milestone_mark_reached(milestone=milestone, on=timezone.localdate())
    messages.success(request, _("The milestone is marked reached."))
    return redirect(milestone.measure)


@login_required
@requires("programme.comment", load=Measure, kwarg="measure_id")
@require_POST
def comment_post(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _form_page(request, measure, form, _("Comment"))
    actions.measure_comment(
        measure=measure, by=request.user, text=form.cleaned_data["text"]
    )
    messages.success(request, _("Your comment has been added."))
    return redirect(f"{measure.get_absolute_url()}#comments")
