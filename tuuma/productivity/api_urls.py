from django.urls import path

from tuuma.productivity import api, api_month

urlpatterns = [
    path("productivity/products", api.products, name="api-productivity-products"),
    path(
        "productivity/products/<int:pk>",
        api.product,
        name="api-productivity-product",
    ),
    path("productivity/areas/<int:area_id>", api.area, name="api-productivity-area"),
    path(
        "productivity/areas/<int:area_id>/unit-hours",
        api.area_unit_hours_view,
        name="api-productivity-unit-hours",
    ),
    path("productivity/months", api_month.month_enter, name="api-productivity-month"),
    path("productivity/imports", api.figures_import, name="api-productivity-import"),
    path(
        "productivity/surveys/<int:pk>/results",
        api.survey_result,
        name="api-productivity-survey-results",
    ),
]
