from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tuuma.jobs.forms import PreferencesForm
from tuuma.jobs.models import Delivery, Job, Notification
from tuuma.jobs.notifications import (
    notification_kinds,
    read_unsubscribe_token,
    set_delivery,
)
from tuuma.organisation.access import public, requires

PAGE = 100


@requires("jobs.view", load=Job, kwarg="job_id")
def job_detail(request: HttpRequest, job: Job) -> HttpResponse:
    template = "jobs/job.html#progress" if request.htmx else "jobs/job.html"
    return render(request, template, {"job": job})


@requires("jobs.notifications")
def notification_list(request: HttpRequest) -> HttpResponse:
    mine = Notification.objects.filter(
        user=request.user, organisation=request.organisation
    )
    return render(
        request,
        "jobs/notifications.html",
        {
            "notifications": mine[:PAGE],
            "unread": mine.filter(read_at__isnull=True).count(),
        },
    )


@require_POST
@requires("jobs.notifications")
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    """Mark one read and go to what it is about (another person's: 404)."""
    notification = get_object_or_404(
        Notification,
        pk=notification_id,
        user=request.user,
        organisation=request.organisation,
    )
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return redirect(notification.url or "jobs:notifications")


@require_POST
@requires("jobs.notifications")
def notification_read_all(request: HttpRequest) -> HttpResponse:
    Notification.objects.filter(user=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    messages.success(request, _("All notifications are marked read."))
    return redirect("jobs:notifications")


@requires("jobs.notifications")
def preferences(request: HttpRequest) -> HttpResponse:
    form = PreferencesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings are saved."))
        return redirect("jobs:preferences")
    return render(request, "jobs/preferences.html", {"form": form})


@public
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Works signed out: the signed token names the person and the kind. A GET
    only asks (mail scanners open links); the button's POST stops the e-mail."""
    found = read_unsubscribe_token(token)
    person = None
    if found is not None:
        person = (
            get_user_model()
            .objects.filter(pk=found[0], organisation=request.organisation)
            .first()
        )
    if person is None:
        return render(request, "jobs/unsubscribe.html", {"invalid": True}, status=400)
    kind = found[1]
    label = notification_kinds().get(kind, _("Other messages"))
    done = request.method == "POST"
    if done:
        set_delivery(user=person, kind=kind, delivery=Delivery.NONE)
    return render(request, "jobs/unsubscribe.html", {"label": label, "done": done})
