from django.urls import path

from tuuma.productivity.views import (
    catalogue,
    editing,
    exports,
    manage,
    month,
    survey_admin,
    surveys,
)

app_name = "productivity"

urlpatterns = [
    path("", catalogue.index, name="index"),
    path("tuotteet.xlsx", exports.figures_xlsx, name="figures-xlsx"),
    path("alueet/<int:area_id>/", catalogue.area_detail, name="area"),
    path("alueet/<int:area_id>/luvut.xlsx", exports.area_xlsx, name="area-xlsx"),
    path("tuotteet/<int:pk>/", catalogue.product_detail, name="product"),
    path("tuotteet/<int:pk>/muokkaa/", editing.product_edit, name="product-edit"),
    path("tuotteet/<int:pk>/laske/", manage.count_from_caselog, name="count-from-log"),
    path("tuotteet/uusi/", editing.product_create, name="product-create"),
    path("hallinta/", editing.catalogue_manage, name="manage"),
    path("hallinta/kuukausi/", month.month_enter, name="month"),
    path("ryhmat/uusi/", editing.group_create, name="group-create"),
    path("ryhmat/<int:pk>/", editing.group_edit, name="group-edit"),
    path("kustannuspaikat/uusi/", editing.centre_create, name="centre-create"),
    path("kustannuspaikat/<int:pk>/", editing.centre_edit, name="centre-edit"),
    path(
        "kustannuspaikat/<int:pk>/osuudet/",
        editing.centre_shares,
        name="centre-shares",
    ),
    path(
        "toimenpiteet/<int:pk>/tuotteet/",
        manage.measure_product,
        name="measure-product",
    ),
    path("tuonti/", manage.figures_import, name="import"),
    path("hintaindeksi/", manage.price_index, name="price-index"),
    path("kyselyt/", surveys.survey_list, name="surveys"),
    path("kyselyt/uusi/", survey_admin.survey_create, name="survey-create"),
    path("kyselyt/<int:pk>/", surveys.survey_answer, name="survey"),
    path("kyselyt/<int:pk>/muokkaa/", survey_admin.survey_edit, name="survey-edit"),
    path("kyselyt/<int:pk>/tulokset/", surveys.survey_result, name="survey-results"),
    path("kyselyt/<int:pk>/tulokset.xlsx", exports.survey_xlsx, name="survey-xlsx"),
    path(
        "kyselyt/<int:pk>/huomiot/", survey_admin.survey_remarks, name="survey-remarks"
    ),
    path("huomiot/<uuid:pk>/ideaksi/", survey_admin.remark_to_idea, name="remark-idea"),
]
