from rest_framework import serializers

from tuuma.accounts.models import User
from tuuma.jobs.models import Job
from tuuma.organisation.models import Organisation, ServiceArea, Unit


class MeSerializer(serializers.ModelSerializer):
    roles = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "email", "full_name", "preferred_language", "roles"]

    def get_roles(self, user) -> list[dict]:
        return [
            {"role": m.role, "service_area": m.service_area_id}
            for m in user.memberships.filter(organisation=self.context["organisation"])
        ]


class ServiceAreaSerializer(serializers.ModelSerializer):
    class Meta:
        model = ServiceArea
        fields = ["id", "slug", "name", "name_sv", "name_en"]


class UnitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Unit
        fields = ["id", "name", "service_area"]


class OrganisationSerializer(serializers.ModelSerializer):
    service_areas = ServiceAreaSerializer(many=True, read_only=True)
    units = UnitSerializer(many=True, read_only=True)

    class Meta:
        model = Organisation
        fields = ["id", "slug", "name", "default_language", "service_areas", "units"]


class JobSerializer(serializers.ModelSerializer):
    class Meta:
        model = Job
        fields = [
            "id",
            "kind",
            "label",
            "status",
            "progress",
            "message",
            "error",
            "result_url",
            "created_at",
            "finished_at",
        ]
