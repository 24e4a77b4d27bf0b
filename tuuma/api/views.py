from drf_spectacular.utils import extend_schema
from rest_framework.decorators import api_view
from rest_framework.response import Response

from tuuma.api.access import api_public, api_requires
from tuuma.api.serializers import JobSerializer, MeSerializer, OrganisationSerializer
from tuuma.jobs.models import Job
from tuuma.organisation.models import Organisation


@extend_schema(
    operation_id="organisation_read",
    summary="The organisation of this host, with its service areas and units",
    responses=OrganisationSerializer,
    tags=["organisation"],
)
@api_view(["GET"])
@api_public
def organisation_detail(request):
    organisation = Organisation.objects.prefetch_related("service_areas", "units").get(
        pk=request.organisation.pk
    )
    return Response(OrganisationSerializer(organisation).data)


@extend_schema(
    operation_id="me_read",
    summary="The signed-in person and their roles here",
    responses=MeSerializer,
    tags=["organisation"],
)
@api_view(["GET"])
@api_requires("accounts.own_profile")
def me(request):
    return Response(
        MeSerializer(request.user, context={"organisation": request.organisation}).data
    )


@extend_schema(
    operation_id="job_read",
    summary="Status and progress of a background job you started",
    responses=JobSerializer,
    tags=["jobs"],
)
@api_view(["GET"])
@api_requires("jobs.view", load=Job, kwarg="job_id")
def job_detail(request, job):
    return Response(JobSerializer(job).data)
