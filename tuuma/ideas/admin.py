from django.contrib import admin

from tuuma.ideas.models import (
    Attachment,
    Block,
    Comment,
    Idea,
    IdeaEvent,
    IdeaSettings,
    ModerationDecision,
    PrivateNote,
    Report,
)


class EventInline(admin.TabularInline):
    model = IdeaEvent
    extra = 0
    readonly_fields = ["at", "by", "from_status", "to_status", "outcome", "public_text"]
    can_delete = False


class AttachmentInline(admin.TabularInline):
    model = Attachment
    extra = 0
    readonly_fields = ["original_name", "content_type", "size", "created_at"]
    exclude = ["file"]


@admin.register(Idea)
class IdeaAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organisation",
        "kind",
        "status",
        "outcome",
        "published_at",
    ]
    list_filter = ["organisation", "status", "kind", "outcome", "is_staff_only"]
    search_fields = ["title"]
    raw_id_fields = ["author", "responsible", "merged_into", "scored_by", "answered_by"]
    readonly_fields = ["support_count", "created_at", "updated_at"]
    inlines = [EventInline, AttachmentInline]
    list_select_related = ["organisation"]


@admin.register(IdeaSettings)
class IdeaSettingsAdmin(admin.ModelAdmin):
    list_display = ["organisation", "allow_anonymous", "pre_moderation"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "idea", "author", "is_hidden", "created_at"]
    raw_id_fields = ["idea", "parent", "author"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["reason", "idea", "comment", "reporter", "resolved_at"]
    raw_id_fields = ["idea", "comment", "reporter"]


@admin.register(ModerationDecision)
class ModerationDecisionAdmin(admin.ModelAdmin):
    list_display = ["action", "idea", "comment", "by", "at"]
    raw_id_fields = ["idea", "comment", "by"]


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "by", "created_at"]
    raw_id_fields = ["user", "by"]


@admin.register(PrivateNote)
class PrivateNoteAdmin(admin.ModelAdmin):
    list_display = ["__str__", "idea", "author", "created_at"]
    raw_id_fields = ["idea", "author"]
