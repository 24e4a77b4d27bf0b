from django.urls import path

from tuuma.competence import views

app_name = "competence"

urlpatterns = [
    path("", views.index, name="index"),
    path("oma/", views.mine, name="mine"),
    path("asiantuntijat/", views.experts, name="experts"),
    path("yksikot/<int:unit_id>/", views.unit_page, name="unit"),
    path("yksikot/<int:unit_id>/tiimi/", views.team_review, name="team"),
    path("yksikot/<int:unit_id>/poissaolot/", views.absences_page, name="absences"),
    path(
        "yksikot/<int:unit_id>/poissaolot/uusi/",
        views.absence_plan_create,
        name="absence-plan-create",
    ),
    path(
        "poissaolosuunnitelmat/<int:plan_id>/",
        views.absence_plan_edit,
        name="absence-plan",
    ),
    path("yksikot/<int:unit_id>/tehtavat/uusi/", views.task_create, name="task-create"),
    path("tehtavat/<int:task_id>/", views.task_edit, name="task-edit"),
    path("tehtavat/<int:task_id>/varahenkilot/", views.deputies_edit, name="deputies"),
    path("tehtavat/<int:task_id>/tyomaara/", views.task_workload, name="workload"),
    path(
        "yksikot/<int:unit_id>/koulutustarpeet/",
        views.needs_propose,
        name="needs-propose",
    ),
    path(
        "koulutustarpeet/<int:need_id>/ohjelmaan/",
        views.need_to_measure,
        name="need-to-measure",
    ),
    path(
        "toimenpiteet/<int:measure_id>/koulutustarpeet/",
        views.measure_needs,
        name="measure-needs",
    ),
    path("ideat/<int:idea_id>/koulutustarpeet/", views.idea_needs, name="idea-needs"),
    path("yksikot/<int:unit_id>/tuonti/", views.matrix_import, name="import"),
    path(
        "yksikot/<int:unit_id>/matriisi.xlsx",
        views.matrix_export,
        {"file_format": "xlsx"},
        name="export-xlsx",
    ),
    path(
        "yksikot/<int:unit_id>/matriisi.csv",
        views.matrix_export,
        {"file_format": "csv"},
        name="export-csv",
    ),
    path("yksikot/<int:unit_id>/suunnitelma/", views.plan_page, name="plan"),
    path("yksikot/<int:unit_id>/suunnitelma.pdf", views.plan_pdf, name="plan-pdf"),
    path("yksikot/<int:unit_id>/suunnitelma.xlsx", views.plan_xlsx, name="plan-xlsx"),
    path("yksikot/<int:unit_id>/tyokierto/", views.rotation, name="rotation"),
]
