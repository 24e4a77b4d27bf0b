from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.utils.translation import gettext_lazy as _

from tuuma.accounts.models import ApiToken, OidcProvider, User
from tuuma.audit.actions import ADMIN_PERSON_PAGE, personal_data_viewed
from tuuma.organisation.admin_site import OrganisationScopedAdmin
from tuuma.organisation.models import Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    fk_name = "user"
    extra = 0
    exclude = ["organisation"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in ("service_area", "unit") and not request.user.is_superuser:
            kwargs["queryset"] = db_field.related_model.objects.filter(
                organisation=request.organisation
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ["organisation", "email"]


@admin.register(User)
class UserAdmin(OrganisationScopedAdmin, DjangoUserAdmin):
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
    # What an organisation's administrator may edit: never admin or superuser rights.
    organisation_fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal details"), {"fields": ["full_name", "preferred_language"]}),
        (_("Access"), {"fields": ["is_active", "last_login"]}),
    ]
    organisation_add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})
    ]

    def get_fieldsets(self, request, obj=None):
        if request.user.is_superuser:
            return super().get_fieldsets(request, obj)
        return self.organisation_fieldsets if obj else self.organisation_add_fieldsets

    def render_change_form(self, request, context, add=False, change=False, **kw):
        person = kw.get("obj")
        if change and person is not None and request.method == "GET":
            # The page shows the person's e-mail, name and access: an access-log row.
            personal_data_viewed(
                request=request, subject=person, what=ADMIN_PERSON_PAGE
            )
        return super().render_change_form(request, context, add, change, **kw)

    def save_formset(self, request, form, formset, change):
        for membership in formset.save(commit=False):
            membership.organisation = form.instance.organisation
            membership.save()
        for membership in formset.deleted_objects:
            membership.delete()


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]


@admin.register(OidcProvider)
class OidcProviderAdmin(OrganisationScopedAdmin):
    """An organisation's administrator plugs in its own identity broker."""

    list_display = ["label", "slug", "issuer", "is_active"]
    list_filter = ["organisation", "is_active"]
