from django.urls import path

from tuuma.programme.views import exports, indicators, lists, measure, strategy

app_name = "programme"

urlpatterns = [
    path("", lists.programme_index, name="index"),
    path("omat/", lists.my_measures, name="mine"),
    path("huomio/", lists.attention, name="attention"),
    path("aikajana/", lists.roadmap_view, name="roadmap"),
    path("strategia/", strategy.strategy, name="strategy"),
    path("raportti/", exports.report, name="report"),
    path("ohjelma.csv", exports.export_csv, name="export-csv"),
    path("ohjelma.xlsx", exports.export_xlsx, name="export-xlsx"),
    path("toimenpiteet/uusi/", measure.measure_create, name="measure-create"),
    path("toimenpiteet/<int:measure_id>/", measure.measure_detail, name="measure"),
    path("ideat/<int:idea_id>/linkita/", measure.idea_link, name="idea-link"),
    path(
        "toimenpiteet/<int:measure_id>/muokkaa/",
        measure.measure_edit,
        name="measure-edit",
    ),
    path(
        "toimenpiteet/<int:measure_id>/tila/",
        measure.measure_status,
        name="measure-status",
    ),
    path(
        "toimenpiteet/<int:measure_id>/julkaisu/",
        measure.measure_publish,
        name="measure-publish",
    ),
    path(
        "toimenpiteet/<int:measure_id>/edistyminen/",
        measure.progress_post,
        name="progress",
    ),
    path("toimenpiteet/<int:measure_id>/tulos/", measure.result_record, name="result"),
    path(
        "toimenpiteet/<int:measure_id>/valitavoitteet/",
        measure.milestone_add,
        name="milestone-add",
    ),
    path(
        "valitavoitteet/<int:milestone_id>/saavutettu/",
        measure.milestone_reached,
        name="milestone-reached",
    ),
    path(
        "toimenpiteet/<int:measure_id>/kommentit/",
        measure.comment_post,
        name="comment",
    ),
    path(
        "toimenpiteet/<int:measure_id>/mittarit/",
        indicators.indicator_create,
        name="indicator-create",
    ),
    path(
        "mittarit/<int:indicator_id>/arvot/",
        indicators.indicator_value_add,
        name="indicator-value",
    ),
]
