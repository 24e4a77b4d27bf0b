from django.urls import path

from tuuma.processes.views import catalogue, links, reviews, versions

app_name = "processes"

VERSION = "<int:pk>/versiot/<int:version_id>/"

urlpatterns = [
    path("", catalogue.index, name="index"),
    path("uusi/", catalogue.process_create, name="create"),
    path("luettelo.xlsx", catalogue.catalogue_xlsx, name="catalogue-xlsx"),
    path("luettelo.csv", catalogue.catalogue_csv, name="catalogue-csv"),
    path("katselmoinnit/", reviews.review_list, name="reviews"),
    path("katselmoinnit/ajoita/", reviews.review_schedule, name="reviews-schedule"),
    path("katselmoinnit/muistuta/", reviews.review_remind, name="reviews-remind"),
    path("katselmoinnit/asetukset/", reviews.review_settings, name="review-settings"),
    path("<int:pk>/", catalogue.process_detail, name="detail"),
    path("<int:pk>/muokkaa/", catalogue.process_edit, name="edit"),
    path("linkit/", links.link_target, name="link-target"),
    path("<int:pk>/linkit/", catalogue.link_add, name="link-add"),
    path(
        "<int:pk>/linkit/<int:link_id>/poista/",
        links.link_remove,
        name="link-remove",
    ),
    path("<int:pk>/vertailu/", versions.compare, name="compare"),
    path("<int:pk>/bpmn-tuonti/", versions.bpmn_import, name="bpmn-import"),
    path("<int:pk>/versiot/uusi/", versions.version_create, name="version-create"),
    path(VERSION, versions.version_detail, name="version"),
    path(VERSION + "muokkaa/", versions.version_edit, name="version-edit"),
    path(VERSION + "vaiheet/uusi/", versions.step_form, name="step-create"),
    path(VERSION + "vaiheet/<int:step_id>/", versions.step_form, name="step-edit"),
    path(
        VERSION + "vaiheet/<int:step_id>/siirra/", versions.step_move, name="step-move"
    ),
    path(
        VERSION + "vaiheet/<int:step_id>/poista/",
        versions.step_delete,
        name="step-delete",
    ),
    path(VERSION + "kommentit/", versions.comment_add, name="comment"),
    path(VERSION + "prosessi.bpmn", versions.bpmn_export, name="bpmn"),
    path(VERSION + "raci.xlsx", versions.raci_xlsx, name="raci"),
    path(
        "<int:pk>/katselmoinnit/<int:review_id>/",
        reviews.review_detail,
        name="review",
    ),
    path(
        "<int:pk>/katselmoinnit/<int:review_id>/kuittaa/",
        reviews.review_acknowledge,
        name="review-ack",
    ),
]
