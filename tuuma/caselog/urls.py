from django.urls import path

from tuuma.caselog.views import (
    analysis,
    compare,
    deadlines,
    exports,
    indicators,
    quality,
    upload,
)

app_name = "caselog"

urlpatterns = [
    path("", analysis.index, name="index"),
    path("uusi/", upload.upload, name="upload"),
    path("uusi/<str:token>/sarakkeet/", upload.columns, name="columns"),
    path("<int:log_id>/", analysis.log_overview, name="overview"),
    path("<int:log_id>/muokkaa/", analysis.log_edit, name="edit"),
    path("<int:log_id>/uusi-versio/", upload.upload_version, name="upload-version"),
    path("<int:log_id>/prosessikartta/", analysis.process_map, name="map"),
    path("<int:log_id>/prosessikartta.svg", exports.export_map_svg, name="map-svg"),
    path("<int:log_id>/prosessikartta.png", exports.export_map_png, name="map-png"),
    path("<int:log_id>/prosessikartta.pdf", exports.export_map_pdf, name="map-pdf"),
    path("<int:log_id>/variantit/", analysis.variant_list, name="variants"),
    path("<int:log_id>/pullonkaulat/", analysis.bottleneck_list, name="bottlenecks"),
    path("<int:log_id>/maaraajat/", deadlines.deadline_list, name="deadlines"),
    path(
        "<int:log_id>/maaraajat/<int:rule_id>/",
        deadlines.deadline_detail,
        name="deadline",
    ),
    path(
        "<int:log_id>/maaraajat/<int:rule_id>/poista/",
        deadlines.deadline_delete,
        name="deadline-delete",
    ),
    path("<int:log_id>/laatu/", quality.quality, name="quality"),
    path("<int:log_id>/vertailu/", compare.compare, name="compare"),
    path("<int:log_id>/mittarit/", indicators.indicators, name="indicators"),
    path("<int:log_id>/luvut.csv", exports.export_csv, name="export-csv"),
    path("<int:log_id>/luvut.xlsx", exports.export_xlsx, name="export-xlsx"),
]
