"""The public accessibility statement, its feedback form and the administrator's editor."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.accessibility.actions import answer_days, feedback_submit, statement_save
from tuuma.accessibility.forms import FeedbackForm, StatementForm
from tuuma.accessibility.models import AccessibilityStatement
from tuuma.ideas.actions import IdeaActionError
from tuuma.organisation.access import public, requires
from tuuma.organisation.permissions import can
from tuuma.web import ratelimit

FEEDBACK_LIMIT, FEEDBACK_PERIOD = 10, 60 * 60


@public
def statement(request: HttpRequest) -> HttpResponse:
    found = AccessibilityStatement.for_organisation(request.organisation)
    context = {
        "statement": found,
        "answer_days": answer_days(request.organisation),
        "may_edit": can(request.user, "accessibility.edit", request.organisation),
    }
    return render(request, "accessibility/statement.html", context)


@requires({"GET": "accessibility.feedback", "POST": "accessibility.feedback"})
def feedback(request: HttpRequest) -> HttpResponse:
    signed_in = request.user.is_authenticated
    form = FeedbackForm(request.POST or None, signed_in=signed_in)
    status = 200
    if request.method == "POST" and form.is_valid():
        who = (
            f"user:{request.user.pk}"
            if signed_in
            else f"ip:{ratelimit.client_ip(request)}"
        )
        if ratelimit.hit_and_check(
            f"accessibility-feedback:{who}",
            limit=FEEDBACK_LIMIT,
            period=FEEDBACK_PERIOD,
        ):
            form.add_error(None, _("Too much feedback at once. Try again in an hour."))
            status = 429
        else:
            try:
                feedback_submit(
                    organisation=request.organisation,
                    user=request.user,
                    **form.cleaned_data,
                )
            except IdeaActionError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Thank you. Your feedback was received."))
                return redirect("accessibility:statement")
    context = {
        "form": form,
        "answer_days": answer_days(request.organisation),
        "statement": AccessibilityStatement.for_organisation(request.organisation),
    }
    return render(request, "accessibility/feedback.html", context, status=status)


@requires({"GET": "accessibility.edit", "POST": "accessibility.edit"})
def edit(request: HttpRequest) -> HttpResponse:
    current = AccessibilityStatement.for_organisation(request.organisation)
    form = StatementForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        statement_save(statement=form.save(commit=False), by=request.user)
        messages.success(request, _("The accessibility statement was saved."))
        return redirect("accessibility:statement")
    return render(request, "accessibility/edit.html", {"form": form})
