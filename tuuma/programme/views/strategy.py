"""The strategy's focus areas and goals, kept by the productivity leads."""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can
from tuuma.programme import actions
from tuuma.programme.forms import FocusAreaForm, GoalForm
from tuuma.programme.models import FocusArea, Goal


@requires({"GET": "programme.view", "POST": "programme.manage_strategy"})
def strategy(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    may_manage = can(request.user, "programme.manage_strategy", organisation)
    focus_form = FocusAreaForm(prefix="focus")
    goal_form = GoalForm(prefix="goal", organisation=organisation)
    if request.method == "POST":
        if "focus-name" in request.POST:
            focus_form = FocusAreaForm(request.POST, prefix="focus")
            if focus_form.is_valid():
                actions.focus_area_create(
                    organisation=organisation, **focus_form.cleaned_data
                )
                messages.success(request, _("The focus area has been added."))
                return redirect("programme:strategy")
        else:
            goal_form = GoalForm(request.POST, prefix="goal", organisation=organisation)
            if goal_form.is_valid():
                actions.goal_create(**goal_form.cleaned_data)
                messages.success(request, _("The goal has been added."))
                return redirect("programme:strategy")
    # Residents count only published measures, so a goal does not reveal how
    # many measures are being prepared for it.
    published = Q(measures__is_published=True)
    if can(request.user, "programme.view_unpublished", organisation):
        published = Q()
    goals = Goal.objects.annotate(measure_count=Count("measures", filter=published))
    focus_areas = FocusArea.objects.filter(organisation=organisation).prefetch_related(
        Prefetch("goals", queryset=goals)
    )
    return render(
        request,
        "programme/strategy.html",
        {
            "focus_areas": focus_areas,
            "may_manage": may_manage,
            "focus_form": focus_form,
            "goal_form": goal_form,
        },
    )
