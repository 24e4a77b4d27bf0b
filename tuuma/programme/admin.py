from django.contrib import admin

from tuuma.programme.models import (
    Comment,
    FocusArea,
    Goal,
    Indicator,
    IndicatorValue,
    Measure,
    MeasureEvent,
    MeasureIdea,
    MeasureParticipant,
    Milestone,
    ProgressUpdate,
)


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["title", "order"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "order"]
    list_filter = ["organisation"]
    inlines = [GoalInline]


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["title", "focus_area", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["title"]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class ProgressInline(admin.TabularInline):
    model = ProgressUpdate
    extra = 0
    raw_id_fields = ["author"]


class EventInline(admin.TabularInline):
    """The history is written by the actions only."""

    model = MeasureEvent
    extra = 0
    can_delete = False
    readonly_fields = ["kind", "actor", "changes", "created_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class ParticipantInline(admin.TabularInline):
    """The organisation is the measure's (set on save), so it is not asked."""

    model = MeasureParticipant
    extra = 0
    fields = ["user"]
    raw_id_fields = ["user"]


class LinkedIdeaInline(admin.TabularInline):
    model = MeasureIdea
    extra = 0
    fields = ["idea"]
    raw_id_fields = ["idea"]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "service_area",
        "measure_class",
        "status",
        "due_date",
        "is_published",
    ]
    list_filter = ["organisation", "status", "measure_class", "is_published"]
    search_fields = ["title", "description"]
    raw_id_fields = ["owner", "created_by"]
    inlines = [
        ParticipantInline,
        LinkedIdeaInline,
        MilestoneInline,
        ProgressInline,
        EventInline,
    ]


class ValueInline(admin.TabularInline):
    model = IndicatorValue
    extra = 0
    raw_id_fields = ["recorded_by"]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "measure", "unit", "direction", "source"]
    list_filter = ["organisation", "source"]
    raw_id_fields = ["measure"]
    inlines = [ValueInline]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["measure", "author", "created_at"]
    raw_id_fields = ["measure", "author"]
