from django.urls import path

from tuuma.ideas.views import (
    exports,
    merge,
    moderation,
    participate,
    public,
    submit,
    triage,
)

app_name = "ideas"

urlpatterns = [
    path("", public.idea_list, name="list"),
    path("uusi/", submit.idea_create, name="create"),
    path("omat/", public.my_ideas, name="mine"),
    path("samankaltaiset/", public.similar_ideas, name="similar"),
    path("tilastot/", public.statistics, name="stats"),
    path("<int:pk>/", public.idea_detail, name="detail"),
    path(
        "<int:pk>/liitteet/<int:attachment_id>/",
        public.attachment_download,
        name="attachment",
    ),
    path("<int:pk>/muokkaa/", submit.idea_edit, name="edit"),
    path("<int:pk>/laheta/", submit.idea_submit, name="submit"),
    path("<int:pk>/kannata/", participate.idea_support, name="support"),
    path("<int:pk>/seuraa/", participate.idea_follow, name="follow"),
    path("<int:pk>/kommentoi/", participate.comment_create, name="comment"),
    path("<int:pk>/ilmoita/", participate.report_create, name="report"),
    path("<int:pk>/julkaise/", moderation.idea_publish, name="publish"),
    path("<int:pk>/moderoi/", moderation.content_moderate, name="moderate"),
    path("<int:pk>/kasittely/", triage.triage_detail, name="triage"),
    path("<int:pk>/kasittely/muistiinpano/", triage.note_add, name="note"),
    path("<int:pk>/kasittely/arviointi/", triage.review_start, name="review"),
    path("<int:pk>/kasittely/vastaus/", triage.answer_write, name="answer"),
    path(
        "<int:pk>/kasittely/julkaise-vastaus/",
        triage.answer_publish,
        name="publish-answer",
    ),
    path("<int:pk>/kasittely/yhdista/", merge.idea_merge, name="merge"),
    path("<int:pk>/kasittely/yhdista/haku/", merge.merge_search, name="merge-search"),
    path("hallinta/moderointi/", moderation.moderation_queue, name="moderation"),
    path("hallinta/estot/", moderation.user_block, name="block"),
    path("hallinta/kasittely/", triage.triage_list, name="triage-list"),
    path("hallinta/kasittely/ideat.csv", exports.triage_csv, name="triage-csv"),
    path("hallinta/kasittely/ideat.xlsx", exports.triage_xlsx, name="triage-xlsx"),
    path("hallinta/myohassa/", triage.overdue_list, name="overdue"),
    path("hallinta/vastaukset/", triage.answers_list, name="answers"),
    path("hallinta/asetukset/", triage.settings_edit, name="settings"),
]
