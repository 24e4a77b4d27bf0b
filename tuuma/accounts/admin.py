from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import ApiToken, User
from tuuma.organisation.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["organisation", "email"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = UserCreationForm
    ordering = ["email"]
    list_display = ["email", "full_name", "organisation", "is_active"]
    list_filter = ["organisation", "is_active", "is_staff"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["organisation", "email", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "preferred_language"]}),
        (
            _("Access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "last_login"]},
        ),
    ]
    add_fieldsets = [
        (
            None,
            {
                "classes": ["wide"],
                "fields": ["organisation", "email", "password1", "password2"],
            },
        )
    ]
    readonly_fields = ["last_login"]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
