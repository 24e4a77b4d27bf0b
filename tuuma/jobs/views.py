from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tuuma.jobs.models import Job
from tuuma.organisation.access import requires


@requires("jobs.view", load=Job, kwarg="job_id")
def job_detail(request: HttpRequest, job: Job) -> HttpResponse:
    template = "jobs/job.html#progress" if request.htmx else "jobs/job.html"
    return render(request, template, {"job": job})
