"""Import of a unit's matrix (upload, preview with column mapping, confirm) and
its export as XLSX or CSV.

Between the steps the table travels signed in the form, so nothing is stored
until the lead confirms an import without errors.
"""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.audit.actions import audit_record
from tuuma.competence import matrix_io
from tuuma.competence.forms import MatrixUploadForm
from tuuma.competence.models import Task
from tuuma.competence.queries import unit_matrix
from tuuma.competence.visibility import record_view
from tuuma.organisation.access import requires
from tuuma.organisation.models import Unit

SALT = "competence.matrix-import"
PREVIEW_ROWS = 20
TEMPLATE = "competence/import.html"


def _render(request, unit, status=200, **context) -> HttpResponse:
    context.setdefault("form", MatrixUploadForm())
    return render(request, TEMPLATE, {"unit": unit, **context}, status=status)


def _preview(request, unit: Unit, table, mapping, *, confirm: bool) -> HttpResponse:
    tasks = list(Task.objects.of_unit(unit))
    checked = matrix_io.check_import(unit, table, mapping)
    if confirm and not checked.errors:
        changed = matrix_io.matrix_replace(unit=unit, checked=checked, by=request.user)
        messages.success(
            request,
            _("The matrix was imported: %(n)s levels changed.") % {"n": changed},
        )
        return redirect("competence:unit", unit_id=unit.pk)
    columns = [
        {"index": i, "name": name, "target": mapping[i]}
        for i, name in enumerate(table[0])
    ]
    return _render(
        request,
        unit,
        status=400 if (confirm and checked.errors) else 200,
        payload=signing.dumps(table, salt=SALT, compress=True),
        columns=columns,
        tasks=tasks,
        sample=table[1 : PREVIEW_ROWS + 1],
        total=len(table) - 1,
        checked=checked,
    )


@requires("competence.manage", load=Unit, kwarg="unit_id")
def matrix_import(request: HttpRequest, unit: Unit) -> HttpResponse:
    if request.method != "POST":
        return _render(request, unit)
    if "payload" in request.POST:
        try:
            table = signing.loads(request.POST["payload"], salt=SALT)
        except signing.BadSignature:
            return _render(
                request, unit, 400, error=_("The preview expired; upload again.")
            )
        width = len(table[0])
        mapping = [request.POST.get(f"column{i}", "") for i in range(width)]
        confirm = request.POST.get("step") == "confirm"
        return _preview(request, unit, table, mapping, confirm=confirm)
    form = MatrixUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, unit, 400, form=form)
    upload = form.cleaned_data["file"]
    try:
        table = matrix_io.read_table(upload.read(), upload.name)
    except matrix_io.MatrixFileError as error:
        form.add_error("file", str(error))
        return _render(request, unit, 400, form=form)
    mapping = matrix_io.default_mapping(table[0], list(Task.objects.of_unit(unit)))
    return _preview(request, unit, table, mapping, confirm=False)


@requires("competence.view_levels", load=Unit, kwarg="unit_id")
def matrix_export(request: HttpRequest, unit: Unit, file_format: str) -> HttpResponse:
    matrix = unit_matrix(unit)
    rows = matrix_io.matrix_rows(matrix)
    record_view(request, matrix.people, _("export of %(unit)s") % {"unit": unit})
    audit_record(
        organisation=request.organisation,
        actor=request.user,
        action="competence.matrix_exported",
        target=unit,
        details={"format": file_format, "people": len(matrix.people)},
    )
    if file_format == "csv":
        body, kind = matrix_io.to_csv(rows), "text/csv; charset=utf-8"
    else:
        body = matrix_io.to_xlsx({unit.name: rows})
        kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(body, content_type=kind)
    filename = f"osaamismatriisi-{unit.pk}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
