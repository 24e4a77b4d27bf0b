"""The catalogue, cost centres, driver shares and survey statements in the admin
site, for the organisation's administrators. Responses are not registered: they
are anonymous and only ever read as aggregates."""

from django.contrib import admin

from tuuma.organisation.admin_site import OrganisationScopedAdmin
from tuuma.productivity.models import (
    CostCentre,
    DriverShare,
    PriceIndex,
    Product,
    ProductGroup,
    Statement,
    Survey,
)


@admin.register(ProductGroup)
class ProductGroupAdmin(OrganisationScopedAdmin):
    list_display = ["name", "service_area"]


@admin.register(Product)
class ProductAdmin(OrganisationScopedAdmin):
    list_display = ["code", "name", "service_area", "output_unit", "is_published"]
    list_filter = ["service_area", "is_published"]
    search_fields = ["code", "name"]


@admin.register(CostCentre)
class CostCentreAdmin(OrganisationScopedAdmin):
    list_display = ["code", "name", "driver", "service_area", "product"]
    list_filter = ["driver"]


@admin.register(DriverShare)
class DriverShareAdmin(OrganisationScopedAdmin):
    list_display = ["centre", "product", "value"]


@admin.register(PriceIndex)
class PriceIndexAdmin(OrganisationScopedAdmin):
    list_display = ["year", "value"]


@admin.register(Survey)
class SurveyAdmin(OrganisationScopedAdmin):
    list_display = ["title", "opens_on", "closes_on"]


@admin.register(Statement)
class StatementAdmin(OrganisationScopedAdmin):
    list_display = ["survey", "order", "text"]
