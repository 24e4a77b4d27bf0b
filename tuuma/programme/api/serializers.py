"""What the programme API reads and writes. Numbers come as JSON numbers or as
text with a decimal comma; dates are checked with the same rules as the forms."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.text import capfirst
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tuuma.api.schema import wider_than
from tuuma.organisation.models import ServiceArea
from tuuma.programme import actions
from tuuma.programme.forms import staff_of
from tuuma.programme.models import (
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureClass,
    MeasureStatus,
    Priority,
)
from tuuma.programme.validation import (
    to_number,
    validate_schedule,
    validate_target,
    validate_target_date,
)


@extend_schema_field(OpenApiTypes.NUMBER)
class NumberField(serializers.Field):
    """A finite number given as a JSON number or text ("12,5" works too)."""

    def to_internal_value(self, data):
        try:
            return to_number(data)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.message_dict["value"]) from error

    def to_representation(self, value):
        return float(value)


def drf_error(error: DjangoValidationError) -> serializers.ValidationError:
    return serializers.ValidationError(error.message_dict)


class GoalSerializer(serializers.ModelSerializer):
    focus_area = serializers.CharField(source="focus_area.name")

    class Meta:
        model = Goal
        fields = ["id", "title", "description", "focus_area"]


class ValueSerializer(serializers.ModelSerializer):
    value = NumberField()

    class Meta:
        model = IndicatorValue
        fields = ["date", "value", "source_note"]


class IndicatorSerializer(serializers.ModelSerializer):
    baseline_value = NumberField()
    target_value = NumberField()
    values = ValueSerializer(many=True, read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "name",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "source",
            "values",
        ]
        read_only_fields = ["source"]

    def validate(self, data: dict) -> dict:
        try:
            validate_target(
                data["direction"], data["baseline_value"], data["target_value"]
            )
            validate_target_date(data["baseline_date"], data["target_date"])
        except DjangoValidationError as error:
            raise drf_error(error) from error
        return data


class MeasureSerializer(serializers.ModelSerializer):
    url = serializers.CharField(source="get_absolute_url", read_only=True)
    owner_name = serializers.CharField(source="owner.__str__", read_only=True)
    percent_complete = serializers.IntegerField(read_only=True, allow_null=True)
    last_progress_on = serializers.DateField(read_only=True, allow_null=True)
    ideas = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = Measure
        fields = [
            "id",
            "url",
            "title",
            "public_summary",
            "measure_class",
            "goal",
            "service_area",
            "owner",
            "owner_name",
            "participants",
            "management_participates",
            "supervisors_participate",
            "staff_participate",
            "participation_note",
            "start_date",
            "due_date",
            "status",
            "status_reason",
            "priority",
            "is_published",
            "percent_complete",
            "last_progress_on",
            "result_aim",
            "result_achieved",
            "ideas",
        ]


@wider_than(MeasureSerializer)
class MeasureStaffSerializer(MeasureSerializer):
    class Meta(MeasureSerializer.Meta):
        fields = [*MeasureSerializer.Meta.fields, "description"]


class MeasureWriteSerializer(serializers.ModelSerializer):
    """Create (every field but status) or update (any subset) a measure."""

    status = serializers.ChoiceField(choices=MeasureStatus.choices, required=False)
    priority = serializers.ChoiceField(choices=Priority.choices, required=False)
    measure_class = serializers.ChoiceField(choices=MeasureClass.choices)
    # Declared because DRF makes a relation with a through-model read-only; the
    # queryset is narrowed to the organisation's staff below.
    participants = serializers.PrimaryKeyRelatedField(
        many=True,
        queryset=get_user_model().objects.none(),
        label=capfirst(Measure._meta.get_field("participants").verbose_name),
        required=False,
    )

    class Meta:
        model = Measure
        fields = [*actions.EDITABLE_FIELDS, "participants", "status", "is_published"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is None:  # the schema generator describes it without a request
            return
        organisation = request.organisation
        self.fields["goal"].queryset = Goal.objects.filter(organisation=organisation)
        self.fields["service_area"].queryset = ServiceArea.objects.filter(
            organisation=organisation
        )
        people = staff_of(organisation)
        self.fields["owner"].queryset = people
        self.fields["participants"].child_relation.queryset = people

    def validate(self, data: dict) -> dict:
        current = self.instance
        try:
            validate_schedule(
                data.get("start_date", current and current.start_date),
                data.get("due_date", current and current.due_date),
            )
        except DjangoValidationError as error:
            raise drf_error(error) from error
        return data
