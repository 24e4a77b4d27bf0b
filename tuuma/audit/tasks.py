from django_tasks import task

from tuuma.audit.personal_data import personal_data_export_build


@task()
def build_personal_data_export(*, job_id: int, user_id: int) -> int:
    """Build a person's data archive (see tuuma/audit/personal_data.py)."""
    return personal_data_export_build(job_id=job_id, user_id=user_id).pk


@task()
def purge_logs() -> int:
    """Delete log entries past each organisation's retention (run daily)."""
    from django.core.management import call_command

    call_command("audit_purge")
    return 0
