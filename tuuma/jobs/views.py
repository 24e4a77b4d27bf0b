from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tuuma.jobs.models import Job


def _get_job_for_user(request: HttpRequest, job_id: int) -> Job:
    """Only the person who started a job (or a superuser) may watch it."""
    jobs = Job.objects.visible_to(request.user, request.organisation)
    return get_object_or_404(jobs, pk=job_id)


@login_required
def job_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = _get_job_for_user(request, job_id)
    template = "jobs/job.html#progress" if request.htmx else "jobs/job.html"
    return render(request, template, {"job": job})
