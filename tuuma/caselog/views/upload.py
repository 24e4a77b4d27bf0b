"""Upload path, step 3: the pages. The file and its details, then (CSV, XLSX,
Parquet) its columns with the first rows, then the import job's progress page.
The steps before and after are listed in ``tuuma/caselog/imports.py``."""

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from tuuma.caselog import actions, storage
from tuuma.caselog.engine import LogImportError
from tuuma.caselog.errors import import_error_text
from tuuma.caselog.forms import ColumnsForm, UploadForm
from tuuma.caselog.logs import open_version
from tuuma.caselog.models import CaseLog
from tuuma.caselog.preview import (
    PreviewError,
    file_format,
    read_preview,
    suggest_columns,
)
from tuuma.caselog.sniffing import check_upload
from tuuma.organisation.access import requires
from tuuma.organisation.models import ServiceArea

SESSION_PREFIX = "caselog-upload-"


def _details(form: UploadForm) -> dict:
    data = form.cleaned_data
    return {
        "name": data.get("name", ""),
        "source_system": data.get("source_system", ""),
        "description": data.get("description", ""),
        "service_area_id": data["service_area"].pk
        if data.get("service_area")
        else None,
        "pseudonymise": data.get("pseudonymise", False),
        "timezone": data.get("timezone", ""),
        "encoding": data.get("encoding", ""),
    }


def _start(request: HttpRequest, upload, details: dict, caselog, **extra):
    area = None
    if details.get("service_area_id"):
        area = get_object_or_404(
            ServiceArea,
            pk=details["service_area_id"],
            organisation=request.organisation,
        )
    job = actions.caselog_upload(
        organisation=request.organisation,
        by=request.user,
        upload=upload,
        caselog=caselog,
        name=details.get("name", ""),
        source_system=details.get("source_system", ""),
        description=details.get("description", ""),
        service_area=area,
        pseudonymise=caselog.pseudonymised if caselog else details["pseudonymise"],
        timezone=details.get("timezone", ""),
        encoding=details.get("encoding", ""),
        **extra,
    )
    return redirect("jobs:detail", job.pk)


@requires("caselog.upload")
def upload(request: HttpRequest) -> HttpResponse:
    """A new log."""
    return _upload(request, None)


@requires("caselog.upload", load=CaseLog, kwarg="log_id")
def upload_version(request: HttpRequest, caselog: CaseLog) -> HttpResponse:
    """A new version of a log."""
    return _upload(request, caselog)


def _upload(request: HttpRequest, caselog: CaseLog | None) -> HttpResponse:
    form = UploadForm(
        request.POST or None,
        request.FILES or None,
        organisation=request.organisation,
        caselog=caselog,
    )
    if request.method == "POST" and form.is_valid():
        path = storage.save_upload(request.organisation.pk, form.cleaned_data["file"])
        details = _details(form)
        try:
            check_upload(path, max_uncompressed=storage.max_uncompressed_bytes())
            if file_format(path.name) == "xes":
                return _start(request, path, details, caselog)
            read_preview(path, encoding=details["encoding"])
        except (LogImportError, PreviewError) as error:
            storage.remove_upload(path)
            error = getattr(error, "error", error)  # a PreviewError wraps one
            form.add_error("file", forms.ValidationError(import_error_text(error)))
        else:
            token = path.parent.name
            request.session[SESSION_PREFIX + token] = {
                **details,
                "caselog_id": caselog.pk if caselog else None,
            }
            return redirect("caselog:columns", token)
    return render(
        request,
        "caselog/upload.html",
        {"form": form, "caselog": caselog},
        status=422 if form.errors else 200,
    )


@requires("caselog.upload")
def columns(request: HttpRequest, token: str) -> HttpResponse:
    """Map the columns of a CSV, XLSX or Parquet upload, seeing its first rows."""
    details = request.session.get(SESSION_PREFIX + token)
    path = storage.find_upload(request.organisation.pk, token)
    if details is None or path is None:
        raise Http404
    caselog = None
    if details.get("caselog_id"):
        caselog = get_object_or_404(
            CaseLog, pk=details["caselog_id"], organisation=request.organisation
        )
    if request.method == "POST" and "cancel" in request.POST:
        storage.remove_upload(path)
        del request.session[SESSION_PREFIX + token]
        return redirect(caselog.get_absolute_url() if caselog else "caselog:index")
    sheet = request.POST.get("sheet") or request.GET.get("sheet") or ""
    try:
        preview = read_preview(path, encoding=details.get("encoding"), sheet=sheet)
    except PreviewError as error:
        if not sheet:
            raise Http404 from error  # it was read at upload: the file is gone
        return redirect("caselog:columns", token)  # a sheet that is not there
    previous = None
    if caselog is not None and caselog.current_version is not None:
        previous = open_version(caselog.current_version).meta.get("key_columns")
    form = ColumnsForm(
        request.POST or None,
        columns=preview.columns,
        suggestion=suggest_columns(preview),
        previous=previous,
    )
    if request.method == "POST" and form.is_valid():
        del request.session[SESSION_PREFIX + token]
        return _start(
            request,
            path,
            details,
            caselog,
            columns=form.columns(),
            resource_column=form.cleaned_data["resource_column"],
            sheet=preview.sheet,
        )
    return render(
        request,
        "caselog/columns.html",
        {
            "form": form,
            "preview": preview,
            "file_name": path.name,
            "caselog": caselog,
            "token": token,
        },
    )
