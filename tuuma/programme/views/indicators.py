"""Adding indicators to a measure and recording their measured values."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.organisation.access import requires
from tuuma.programme import actions
from tuuma.programme.forms import IndicatorForm, IndicatorValueForm
from tuuma.programme.models import Indicator, Measure
from tuuma.programme.views.access import CHANGE, part_to_change
from tuuma.programme.views.measure import _form_page


@login_required
@requires(CHANGE, load=Measure, kwarg="measure_id")
@require_POST
def indicator_create(request: HttpRequest, measure: Measure) -> HttpResponse:
    form = IndicatorForm(request.POST)
    if not form.is_valid():
        return _form_page(request, measure, form, _("Add an indicator"))
    actions.indicator_create(measure=measure, **form.cleaned_data)
    messages.success(request, _("The indicator has been added."))
    return redirect(f"{measure.get_absolute_url()}#indicators")


@login_required
@requires(CHANGE)
@require_POST
def indicator_value_add(request: HttpRequest, indicator_id: int) -> HttpResponse:
    indicator = part_to_change(request, Indicator, indicator_id)
    form = IndicatorValueForm(request.POST)
    if not form.is_valid():
        return _form_page(
            request,
            indicator.measure,
            form,
            _("Record a value: %(name)s") % {"name": indicator.name},
        )
    actions.indicator_record_value(
        indicator=indicator, by=request.user, **form.cleaned_data
    )
    messages.success(request, _("The value has been recorded."))
    return redirect(f"{indicator.measure.get_absolute_url()}#indicators")
