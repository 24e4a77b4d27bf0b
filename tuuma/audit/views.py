"""The administrator's log pages, privacy settings and erasure; a person's own data."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tuuma.audit.actions import ERASURE_PAGE, audit_record, personal_data_viewed
from tuuma.audit.forms import (
    AccessFilterForm,
    EraseForm,
    LogFilterForm,
    PrivacySettingsForm,
)
from tuuma.audit.models import (
    AccessLogEntry,
    AuditEntry,
    PersonalDataExport,
    PrivacySettings,
)
from tuuma.audit.personal_data import person_erase, personal_data_export_start
from tuuma.jobs.models import Job
from tuuma.organisation.access import requires

PAGE_SIZE = 50


def _log_page(request: HttpRequest, entries, form_class, template: str) -> HttpResponse:
    form = form_class(request.GET or None, organisation=request.organisation)
    entries = form.apply(entries.filter(organisation=request.organisation))
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"form": form, "page": page})


@requires("audit.view_log")
def audit_log(request: HttpRequest) -> HttpResponse:
    entries = AuditEntry.objects.select_related("actor")
    return _log_page(request, entries, LogFilterForm, "audit/log.html")


@requires("audit.view_log")
def access_log(request: HttpRequest) -> HttpResponse:
    entries = AccessLogEntry.objects.select_related("viewer", "subject")
    return _log_page(request, entries, AccessFilterForm, "audit/access.html")


@requires({"GET": "audit.view_log", "POST": "audit.manage_privacy"})
def privacy_settings(request: HttpRequest) -> HttpResponse:
    current = PrivacySettings.for_organisation(request.organisation)
    form = PrivacySettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        form.save()
        audit_record(
            organisation=request.organisation,
            actor=request.user,
            action="audit.privacy_settings_changed",
            details=form.cleaned_data,
        )
        messages.success(request, _("Privacy settings saved."))
        return redirect("audit:settings")
    people = get_user_model().objects.filter(
        organisation=request.organisation, is_active=True
    )
    return render(request, "audit/settings.html", {"form": form, "people": people})


@requires({"GET": "audit.manage_privacy", "POST": "audit.manage_privacy"})
def erase(request: HttpRequest, user_id: int) -> HttpResponse:
    person = get_object_or_404(
        get_user_model(), pk=user_id, organisation=request.organisation, is_active=True
    )
    form = EraseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person_erase(
            organisation=request.organisation, person=person, actor=request.user
        )
        messages.success(request, _("The person's data was erased."))
        return redirect("audit:settings")
    personal_data_viewed(request=request, subject=person, what=ERASURE_PAGE)
    rule = PrivacySettings.for_organisation(request.organisation)
    return render(
        request, "audit/erase.html", {"form": form, "person": person, "rule": rule}
    )


@requires({"GET": "audit.own_data", "POST": "audit.own_data"})
def my_data(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        job = personal_data_export_start(
            organisation=request.organisation, user=request.user
        )
        return redirect("jobs:detail", job_id=job.pk)
    exports = PersonalDataExport.objects.visible_to(request.user, request.organisation)
    pending = Job.objects.filter(
        organisation=request.organisation,
        created_by=request.user,
        kind="audit.personal_data",
        status__in=["queued", "running"],
    )
    return render(
        request,
        "audit/my_data.html",
        {"exports": exports.defer("archive")[:5], "pending": pending},
    )


@requires("audit.download_export", load=PersonalDataExport, kwarg="pk")
def export_download(request: HttpRequest, export: PersonalDataExport) -> HttpResponse:
    response = HttpResponse(bytes(export.archive), content_type="application/zip")
    name = f"tuuma-personal-data-{export.created_at:%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
