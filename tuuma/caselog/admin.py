from django.contrib import admin

from tuuma.caselog.models import CaseLog, CaseLogVersion, DeadlineRule, LogIndicator


class VersionInline(admin.TabularInline):
    model = CaseLogVersion
    extra = 0
    can_delete = False
    fields = ["number", "source_name", "cases", "events", "imported_at"]
    readonly_fields = fields


class RuleInline(admin.TabularInline):
    model = DeadlineRule
    extra = 0


@admin.register(CaseLog)
class CaseLogAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "organisation",
        "source_system",
        "service_area",
        "created_at",
    ]
    list_filter = ["organisation"]
    search_fields = ["name", "source_system"]
    readonly_fields = ["current_version", "created_by", "created_at"]
    inlines = [VersionInline, RuleInline]


@admin.register(LogIndicator)
class LogIndicatorAdmin(admin.ModelAdmin):
    list_display = ["indicator", "caselog", "figure"]
    list_filter = ["figure"]
