"""Operations on case logs: upload, import, deadline rules, log-based indicators.

Import ("staging, then switch"): the engine writes the log into
``logs/<key>.staging`` (itself atomic), resource ids are pseudonymised there if
asked, the directory is renamed to ``logs/<key>`` and only then one short
transaction creates the ``CaseLogVersion`` (and the ``CaseLog`` for a new log)
and makes it current. The key is the job's, so a re-run after a killed worker
finds whatever step was reached and finishes from there. The whole upload path
is listed in ``imports.py``; this module never imports ``tasks``.
"""

import shutil
from datetime import datetime
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from tuuma.accounts.models import User
from tuuma.caselog import storage
from tuuma.caselog.engine import (
    CaseFilter,
    compliance,
    is_imported_log,
    open_log,
    rule_from_dict,
    throughput,
)
from tuuma.caselog.imports import (
    DEFAULT_COLUMNS,
    RESOURCE_COLUMN,
    Progress,
    import_enqueue,
    import_files,
)
from tuuma.caselog.logs import view_of
from tuuma.caselog.models import (
    CaseLog,
    CaseLogVersion,
    DeadlineRule,
    Figure,
    LogIndicator,
    RuleKind,
)
from tuuma.jobs.models import Job
from tuuma.organisation.models import Organisation, ServiceArea
from tuuma.programme.actions import indicator_record_value
from tuuma.programme.models import Indicator, IndicatorSource, IndicatorValue


def caselog_upload(
    *,
    organisation: Organisation,
    by: User,
    upload: Path,
    caselog: CaseLog | None = None,
    name: str = "",
    source_system: str = "",
    description: str = "",
    service_area: ServiceArea | None = None,
    pseudonymise: bool = False,
    columns: dict[str, str] | None = None,
    resource_column: str = RESOURCE_COLUMN,
    timezone: str = "",
    encoding: str = "",
    sheet: str = "",
) -> Job:
    """Queue the import of a stored upload as a new log or a new version of one.

    ``columns``: case, activity, timestamp and (optional) start columns;
    ``timezone`` of timestamps without an offset (default: the organisation's);
    ``encoding`` of a CSV (default: detected); ``sheet`` of a workbook.
    """
    options = {
        "upload": storage.relative(upload),
        "caselog_id": caselog.pk if caselog else None,
        "name": name,
        "source_system": source_system,
        "description": description,
        "service_area_id": service_area.pk if service_area else None,
        "pseudonymise": pseudonymise,
        "resource_column": resource_column or RESOURCE_COLUMN,
        "timezone": timezone,
        "encoding": encoding,
        "sheet": sheet,
        **DEFAULT_COLUMNS,
        **(columns or {}),
    }
    label = _("Import of the case log “%(name)s”") % {
        "name": caselog.name if caselog else name
    }
    return import_enqueue(
        organisation=organisation, by=by, options=options, label=label
    )


def caselog_import_version(
    *,
    organisation: Organisation,
    by: User | None,
    key: str,
    options: dict,
    progress: Progress | None = None,
) -> CaseLogVersion:
    """Import ``options["upload"]`` once under ``key``; idempotent.

    Raises :class:`LogImportError` for bad input, after removing the upload.
    """
    upload = Path(settings.MEDIA_ROOT) / options["upload"]
    done = CaseLogVersion.objects.filter(import_key=key).first()
    if done is not None:
        storage.remove_upload(upload)
        return done
    dest = storage.log_dir(organisation.pk, key)
    if not is_imported_log(dest):
        import_files(
            dest=dest,
            upload=upload,
            options=options,
            organisation=organisation,
            progress=progress,
        )
    summary = open_log(dest).summary
    with transaction.atomic():
        if options.get("caselog_id"):
            caselog = CaseLog.objects.select_for_update().get(
                pk=options["caselog_id"], organisation=organisation
            )
        else:
            caselog = CaseLog.objects.create(
                organisation=organisation,
                name=options["name"],
                source_system=options.get("source_system", ""),
                description=options.get("description", ""),
                service_area_id=options.get("service_area_id"),
                pseudonymised=bool(options.get("pseudonymise")),
                created_by=by,
            )
        last = caselog.versions.aggregate(last=Max("number"))["last"] or 0
        version = CaseLogVersion.objects.create(
            caselog=caselog,
            number=last + 1,
            import_key=key,
            directory=storage.relative(dest),
            source_name=summary.source_name[:300],
            source_format=summary.source_format,
            cases=summary.cases,
            events=summary.events,
            first_event_at=datetime.fromisoformat(summary.first_timestamp),
            last_event_at=datetime.fromisoformat(summary.last_timestamp),
            summary=summary.to_dict(),
            imported_by=by,
        )
        caselog.current_version = version
        caselog.save(update_fields=["current_version"])
    storage.remove_upload(upload)
    for log_indicator in caselog.indicators.select_related("indicator", "rule"):
        log_indicator_refresh(log_indicator=log_indicator)
    return version


def caselog_update(
    *,
    caselog: CaseLog,
    name: str,
    source_system: str,
    description: str,
    service_area: ServiceArea | None,
) -> CaseLog:
    caselog.name = name
    caselog.source_system = source_system
    caselog.description = description
    caselog.service_area = service_area
    caselog.save(update_fields=["name", "source_system", "description", "service_area"])
    return caselog


def caselog_set_required(*, caselog: CaseLog, attributes: list[str]) -> CaseLog:
    caselog.required_attributes = sorted(set(attributes))
    caselog.save(update_fields=["required_attributes"])
    return caselog


@transaction.atomic
def caselog_delete(*, caselog: CaseLog) -> None:
    """Delete a log with every version's files (personal data goes with it)."""
    folders = [version.path for version in caselog.versions.all()]
    caselog.delete()
    transaction.on_commit(
        lambda: [shutil.rmtree(folder, ignore_errors=True) for folder in folders]
    )


@transaction.atomic
def deadline_rule_create(
    *,
    caselog: CaseLog,
    name: str,
    kind: str,
    from_activity: str = "",
    to_activity: str = "",
    days: Decimal | None = None,
    attribute: str = "",
) -> DeadlineRule:
    if kind == RuleKind.ACTIVITY:
        attribute = ""
    else:
        from_activity = to_activity = ""
        days = None
    return DeadlineRule.objects.create(
        caselog=caselog,
        name=name,
        kind=kind,
        from_activity=from_activity,
        to_activity=to_activity,
        days=days,
        attribute=attribute,
    )


@transaction.atomic
def deadline_rule_delete(*, rule: DeadlineRule) -> None:
    rule.delete()


def log_indicator_create(
    *,
    indicator: Indicator,
    caselog: CaseLog,
    figure: str,
    rule: DeadlineRule | None = None,
    case_filter: CaseFilter | None = None,
) -> LogIndicator:
    """Define ``indicator`` as a figure of the log and record its value now."""
    with transaction.atomic():
        log_indicator, _created = LogIndicator.objects.update_or_create(
            indicator=indicator,
            defaults={
                "caselog": caselog,
                "figure": figure,
                "rule": rule if figure == Figure.SHARE_MET else None,
                "case_filter": (case_filter or CaseFilter()).to_dict(),
            },
        )
        Indicator.objects.filter(pk=indicator.pk).update(source=IndicatorSource.CASELOG)
    log_indicator_refresh(log_indicator=log_indicator)
    return log_indicator


def log_indicator_value(*, log_indicator: LogIndicator) -> float | None:
    """The figure on the log's current version, None when it cannot be computed."""
    version = log_indicator.caselog.current_version
    if version is None:
        return None
    try:
        view = view_of(version, CaseFilter.from_dict(log_indicator.case_filter))
    except ValueError:  # an attribute the new version no longer has
        return None
    figure = log_indicator.figure
    if figure == Figure.CASES:
        return float(view.cases.height)
    if figure == Figure.SHARE_MET:
        if log_indicator.rule is None:
            return None
        rule = rule_from_dict(log_indicator.rule.as_engine_rule())
        try:
            share = compliance(view, rule, list_late=0)["share_met"]
        except ValueError:
            return None
        return None if share is None else share * 100
    key = {"median_days": "median", "p90_days": "p90", "mean_days": "mean"}[figure]
    seconds = throughput(view, bins=1)[key]
    return None if seconds is None else seconds / 86400


def log_indicator_refresh(*, log_indicator: LogIndicator) -> IndicatorValue | None:
    """Record the figure as the indicator's value on the date of the last event."""
    value = log_indicator_value(log_indicator=log_indicator)
    version = log_indicator.caselog.current_version
    if value is None or version is None:
        return None
    note = _("Case log “%(log)s”, version %(version)s: %(figure)s") % {
        "log": log_indicator.caselog.name,
        "version": version.number,
        "figure": log_indicator.get_figure_display(),
    }
    return indicator_record_value(
        indicator=log_indicator.indicator,
        date=version.last_event_at.date(),
        value=round(Decimal(str(value)), 4),
        by=None,
        source_note=note[:300],
    )
