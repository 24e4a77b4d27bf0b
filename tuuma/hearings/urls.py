from django.urls import path

from tuuma.hearings.views import (
    attachments,
    edit_link,
    matters,
    participate,
    prepare,
    public,
    report,
)

app_name = "hearings"

urlpatterns = [
    path("", public.hearing_list, name="list"),
    path("uusi/", prepare.hearing_create, name="create"),
    path("moderointi/", participate.moderation, name="moderation"),
    path("esikatselu/<str:token>/", public.hearing_preview, name="preview"),
    path("<int:pk>/", public.hearing_detail, name="hearing"),
    path("<int:pk>/muokkaa/", prepare.hearing_edit, name="edit"),
    path("<int:pk>/osiot/", prepare.section_add, name="section-add"),
    path("<int:pk>/julkaise/", prepare.hearing_publish, name="publish"),
    path("<int:pk>/sulje/", prepare.hearing_close, name="close"),
    path("<int:pk>/kommentoi/", participate.comment_create, name="comment"),
    path("<int:pk>/kommentit.xlsx", prepare.export_comments, name="export"),
    path("<int:pk>/yhteenveto/", report.workspace, name="workspace"),
    path("<int:pk>/yhteenveto/julkaise/", report.publish, name="report-publish"),
    path("<int:pk>/raportti/", report.report_page, name="report"),
    path(
        "<int:pk>/yhteenveto/esikatselu/", report.report_preview, name="report-preview"
    ),
    path("<int:pk>/raportti.pdf", report.report_pdf_download, name="report-pdf"),
    path("<int:pk>/raportti.xlsx", report.report_xlsx_download, name="report-xlsx"),
    path("osiot/<int:pk>/muokkaa/", prepare.section_edit, name="section-edit"),
    path("osiot/<int:pk>/kysymys/", prepare.question_add, name="question-add"),
    path("osiot/<int:pk>/vastaa/", participate.answers_give, name="answer"),
    path(
        "osiot/<int:pk>/liitteet/",
        attachments.section_attachments,
        name="attachments",
    ),
    path("liitteet/<int:pk>/", attachments.attachment_download, name="attachment"),
    path(
        "liitteet/<int:pk>/poista/",
        attachments.attachment_remove,
        name="attachment-remove",
    ),
    path("osiot/<int:pk>/kuva/", public.section_image, name="section-image"),
    path("kommentit/<int:pk>/kannata/", participate.comment_support, name="support"),
    path("kommentit/<int:pk>/muokkaa/", participate.comment_edit, name="comment-edit"),
    path(
        "kommentit/<int:pk>/peru/",
        participate.comment_withdraw,
        name="comment-withdraw",
    ),
    path(
        "kommentit/<int:pk>/muokkaa/<str:token>/",
        edit_link.comment_edit_link,
        name="comment-edit-link",
    ),
    path(
        "kommentit/<int:pk>/peru/<str:token>/",
        edit_link.comment_withdraw_link,
        name="comment-withdraw-link",
    ),
    path(
        "kommentit/<int:pk>/ilmoita/", participate.comment_report, name="report-comment"
    ),
    path("kommentit/<int:pk>/kuva/", public.comment_image, name="comment-image"),
    path("asiat/uusi/", matters.matter_create, name="matter-create"),
    path("asiat/<int:pk>/", public.matter_detail, name="matter"),
    path("asiat/<int:pk>/hallinta/", matters.matter_manage, name="matter-manage"),
    path("asiat/<int:pk>/seuraa/", matters.matter_follow, name="matter-follow"),
]
