"""Training needs from a change: a measure that adds process steps, an idea that
needs a new skill. The forms also sit in ``competence.panels`` on the measure's
and the idea's page; these pages are their no-JavaScript home and show errors."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from tuuma.competence import change_actions
from tuuma.competence.forms import ChangeNeedsForm, IdeaSkillForm
from tuuma.competence.views.manage import _form_page
from tuuma.ideas.models import Idea
from tuuma.organisation.access import requires
from tuuma.programme.models import Measure


def _done(request: HttpRequest, needs: list, target) -> HttpResponse:
    messages.success(
        request, _("%(n)s training needs were proposed.") % {"n": len(needs)}
    )
    return redirect(target.get_absolute_url())


@requires("competence.manage", load=Measure, kwarg="measure_id")
def measure_needs(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = ChangeNeedsForm(
        request.POST or None, user=request.user, organisation=request.organisation
    )
    if not change_actions.added_steps(measure):
        messages.error(request, _("The measure's to-be process adds no new steps."))
        return redirect(measure.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        needs = change_actions.process_change_needs(
            measure=measure, by=request.user, **form.cleaned_data
        )
        return _done(request, needs, measure)
    title = _("New steps of “%(measure)s” into training needs") % {
        "measure": measure.title
    }
    return _form_page(request, form, title, measure.get_absolute_url())


@requires("competence.manage", load=Idea, kwarg="idea_id")
def idea_needs(request: HttpRequest, idea: Idea) -> HttpResponse:
    form = IdeaSkillForm(
        request.POST or None, user=request.user, organisation=request.organisation
    )
    if not change_actions.idea_taken_forward(idea):
        messages.error(request, _("Only an idea taken forward needs new skills."))
        return redirect(idea.get_absolute_url())
    if request.method == "POST" and form.is_valid():
        needs = change_actions.idea_skill_needs(
            idea=idea, by=request.user, **form.cleaned_data
        )
        return _done(request, needs, idea)
    title = _("A new skill for the idea “%(idea)s”") % {"idea": idea.title}
    return _form_page(request, form, title, idea.get_absolute_url())
