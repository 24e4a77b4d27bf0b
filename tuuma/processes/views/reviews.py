"""Annual reviews: the due and overdue list, the setting, a review page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.jobs.actions import job_enqueue
from tuuma.organisation.access import requires
from tuuma.organisation.permissions import can, require
from tuuma.processes import review_actions
from tuuma.processes.forms import LinkForm, ReviewForm, SettingsForm
from tuuma.processes.models import Process, Review, ReviewStatus
from tuuma.processes.tasks import send_review_reminders
from tuuma.processes.views.common import form_errors, visible_links


@requires("processes.view_all")
def review_list(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation
    today = timezone.localdate()
    reviews = Review.objects.filter(organisation=organisation).select_related(
        "process", "process__owner", "process__service_area"
    )
    open_ = reviews.filter(status=ReviewStatus.SCHEDULED)
    context = {
        "today": today,
        "overdue": open_.filter(due_date__lt=today),
        "due": open_.filter(due_date__gte=today),
        "done": reviews.filter(status=ReviewStatus.DONE).order_by("-held_on")[:50],
        "settings": review_actions.settings_for(organisation),
        "can_schedule": can(request.user, "processes.schedule_reviews", organisation),
        "year": today.year,
    }
    return render(request, "processes/reviews.html", context)


@require_POST
@requires("processes.schedule_reviews")
def review_schedule(request: HttpRequest) -> HttpResponse:
    year = timezone.localdate().year
    if request.POST.get("year", "").isdigit():
        year = max(year, min(int(request.POST["year"]), year + 1))
    created = review_actions.reviews_schedule(
        organisation=request.organisation, year=year
    )
    messages.success(
        request,
        _("%(n)s reviews were scheduled for %(year)s.")
        % {"n": len(created), "year": year},
    )
    return redirect("processes:reviews")


@require_POST
@requires("processes.schedule_reviews")
def review_remind(request: HttpRequest) -> HttpResponse:
    job = job_enqueue(
        task=send_review_reminders,
        organisation=request.organisation,
        user=request.user,
        kind="processes.reminders",
        label=_("Reminders of process reviews"),
    )
    return redirect("jobs:detail", job.pk)


@requires("processes.schedule_reviews")
def review_settings(request: HttpRequest) -> HttpResponse:
    found = review_actions.settings_for(request.organisation)
    form = SettingsForm(request.POST or None, instance=found)
    if request.method == "POST" and form.is_valid():
        try:
            review_actions.settings_update(
                organisation=request.organisation, **form.cleaned_data
            )
        except ValidationError as error:
            form_errors(form, error)
        else:
            messages.success(request, _("The review setting was saved."))
            return redirect("processes:reviews")
    return render(request, "processes/review_settings.html", {"form": form})


@requires("processes.view_all", load=Process)
def review_detail(request: HttpRequest, process: Process, review_id: int):
    review = get_object_or_404(process.reviews, pk=review_id)
    user, organisation = request.user, request.organisation
    form = None
    if can(user, "processes.review", organisation, review):
        form = ReviewForm(request.POST or None, instance=review)
        if request.method == "POST" and form.is_valid():
            try:
                review_actions.review_record(
                    review=review, by=user, **form.cleaned_data
                )
            except ValidationError as error:
                form_errors(form, error)
            else:
                messages.success(request, _("The review was recorded."))
                return redirect(review)
    elif request.method == "POST":
        require(request, "processes.review", review)
    context = {
        "process": process,
        "review": review,
        "form": form,
        "prep": review_actions.preparation(review),
        "can_ack_owner": review.status == ReviewStatus.DONE
        and review.owner_ack_at is None
        and can(user, "processes.acknowledge_owner", organisation, review),
        "review_links": [
            link
            for links in visible_links(request, process).values()
            for link in links
            if link.review_id == review.pk
        ],
        "link_form": LinkForm(
            organisation=organisation, process=process, initial={"review": review.pk}
        )
        if can(user, "processes.edit", organisation, process)
        else None,
        "can_ack_lead": review.status == ReviewStatus.DONE
        and review.lead_ack_at is None
        and can(user, "processes.acknowledge_lead", organisation, review),
    }
    return render(request, "processes/review.html", context)


@require_POST
@requires("processes.view_all", load=Process)
def review_acknowledge(request: HttpRequest, process: Process, review_id: int):
    review = get_object_or_404(process.reviews, pk=review_id)
    as_lead = request.POST.get("as") == "lead"
    require(
        request,
        "processes.acknowledge_lead" if as_lead else "processes.acknowledge_owner",
        review,
    )
    try:
        review_actions.review_acknowledge(
            review=review, by=request.user, as_lead=as_lead
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your acknowledgement was recorded."))
    return redirect(review)
