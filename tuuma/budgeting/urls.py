from django.urls import path

from tuuma.budgeting.views import advisory, public, staff, take_part

app_name = "budgeting"

urlpatterns = [
    path("", public.round_list, name="list"),
    path("uusi/", staff.round_create, name="create"),
    path("neuvoa-antavat/", advisory.advisory_list, name="advisory-list"),
    path("neuvoa-antavat/uusi/", advisory.advisory_create, name="advisory-create"),
    path("neuvoa-antavat/<int:pk>/", advisory.advisory_detail, name="advisory"),
    path("neuvoa-antavat/<int:pk>/tila/", advisory.advisory_move, name="advisory-move"),
    path("<int:pk>/", public.round_detail, name="round"),
    path("<int:pk>/ehdota/", take_part.proposal_create, name="propose"),
    path("<int:pk>/aanesta/", take_part.vote, name="vote"),
    path("<int:pk>/tulokset/", public.round_results, name="results"),
    path("<int:pk>/aanestysliput.json", public.ballots_export, name="export"),
    path("<int:pk>/hallinta/", staff.round_manage, name="manage"),
    path("<int:pk>/idea/", staff.idea_move, name="idea-move"),
    path("<int:pk>/paperiliput/", staff.paper, name="paper"),
    path("<int:pk>/ohjelmaan/", staff.to_programme, name="to-programme"),
    path("alue/<int:pk>/", public.area_detail, name="area"),
    path("ehdotus/<int:pk>/", public.proposal_detail, name="proposal"),
    path("ehdotus/kuva/<int:pk>/", public.proposal_image, name="proposal-image"),
    path("ehdotus/<int:pk>/kannata/", take_part.proposal_support, name="support"),
    path("ehdotus/<int:pk>/arvio/", staff.proposal_estimate, name="estimate"),
    path("ehdotus/<int:pk>/yhdista/", staff.proposal_merge, name="merge"),
]
