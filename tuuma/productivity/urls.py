from django.urls import path

from tuuma.productivity.views import catalogue, manage, surveys

app_name = "productivity"

urlpatterns = [
    path("", catalogue.index, name="index"),
    path("alueet/<int:area_id>/", catalogue.area_detail, name="area"),
    path("tuotteet/<int:pk>/", catalogue.product_detail, name="product"),
    path("tuotteet/<int:pk>/laske/", manage.count_from_caselog, name="count-from-log"),
    path(
        "toimenpiteet/<int:pk>/tuotteet/",
        manage.measure_product,
        name="measure-product",
    ),
    path("tuonti/", manage.figures_import, name="import"),
    path("hintaindeksi/", manage.price_index, name="price-index"),
    path("kyselyt/", surveys.survey_list, name="surveys"),
    path("kyselyt/<int:pk>/", surveys.survey_answer, name="survey"),
    path("kyselyt/<int:pk>/tulokset/", surveys.survey_result, name="survey-results"),
]
