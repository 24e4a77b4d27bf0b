"""The admin site: platform superusers see everything; an organisation's
administrators manage their own organisation's areas, units and people.

Model admins that should be open to organisation administrators inherit
``OrganisationScopedAdmin``; every other model admin keeps Django's own permission
checks, which organisation administrators (no Django model permissions) do not pass,
so nothing unscoped is ever shown to them.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tuuma.organisation.permissions import can


def is_organisation_admin(request) -> bool:
    organisation = getattr(request, "organisation", None)
    return organisation is not None and can(
        request.user, "organisation.manage", organisation
    )


class TuumaAdminSite(admin.AdminSite):
    site_header = _("Tuuma administration")
    site_title = _("Tuuma administration")
    index_title = _("Administration")

    def has_permission(self, request) -> bool:
        user = request.user
        return user.is_active and (user.is_superuser or is_organisation_admin(request))


class OrganisationScopedAdmin(admin.ModelAdmin):
    """Rows of the request's organisation only, for its administrators."""

    organisation_field = "organisation"

    def _allowed(self, request) -> bool:
        return request.user.is_superuser or is_organisation_admin(request)

    def has_module_permission(self, request) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._allowed(request)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{self.organisation_field: request.organisation})

    def get_exclude(self, request, obj=None):
        excluded = list(super().get_exclude(request, obj) or [])
        if not request.user.is_superuser:
            excluded.append(self.organisation_field)
        return excluded

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        if request.user.is_superuser:
            return filters
        return [f for f in filters if f != self.organisation_field]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        related = db_field.related_model
        if not request.user.is_superuser and hasattr(related, "organisation"):
            kwargs["queryset"] = related._default_manager.filter(
                organisation=request.organisation
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if not request.user.is_superuser:
            setattr(obj, self.organisation_field, request.organisation)
        super().save_model(request, obj, form, change)
