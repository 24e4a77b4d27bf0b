from django.contrib import admin

from tuuma.organisation.admin_site import OrganisationScopedAdmin
from tuuma.organisation.models import (
    Domain,
    Membership,
    Organisation,
    ServiceArea,
    Unit,
)


class DomainInline(admin.TabularInline):
    model = Domain
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    """Organisations and their host names: platform superusers only."""

    list_display = ["name", "slug", "is_active"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [DomainInline]


@admin.register(ServiceArea)
class ServiceAreaAdmin(OrganisationScopedAdmin):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Unit)
class UnitAdmin(OrganisationScopedAdmin):
    list_display = ["name", "service_area", "organisation"]
    list_filter = ["organisation", "service_area"]


@admin.register(Membership)
class MembershipAdmin(OrganisationScopedAdmin):
    list_display = ["user", "role", "service_area", "organisation"]
    list_filter = ["organisation", "role", "service_area"]
    search_fields = ["user__email", "user__full_name"]
    autocomplete_fields = ["user"]
