"""Advisory votes: staff create, open and close one on a matter; residents
answer; everyone reads the result once it is closed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from tuuma.budgeting import advisory
from tuuma.budgeting.choices import AdvisoryKind, AdvisoryStatus
from tuuma.budgeting.errors import BudgetingError
from tuuma.budgeting.forms import AdvisoryForm
from tuuma.budgeting.models import AdvisoryVote
from tuuma.organisation.access import requires, visible_objects
from tuuma.organisation.permissions import can


@requires("budgeting.view")
def advisory_list(request: HttpRequest) -> HttpResponse:
    votes = visible_objects(request, AdvisoryVote).select_related("matter")
    context = {
        "votes": votes,
        "can_manage": can(request.user, "budgeting.manage", request.organisation),
    }
    return render(request, "budgeting/advisory_list.html", context)


@requires("budgeting.manage")
def advisory_create(request: HttpRequest) -> HttpResponse:
    form = AdvisoryForm(
        request.POST or None,
        organisation=request.organisation,
        initial={"matter": request.GET.get("asia")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            vote = advisory.advisory_create(
                matter=data["matter"],
                by=request.user,
                question=data["question"],
                description=data["description"],
                options=data["option_lines"],
                kind=data["kind"],
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
                identity=data["identity"],
                min_age=data["min_age"],
                residents_only=data["residents_only"],
            )
        except BudgetingError as error:
            form.add_error(None, str(error))
        else:
            return redirect(vote)
    return render(request, "budgeting/advisory_form.html", {"form": form})


def _posted_choices(request: HttpRequest, vote: AdvisoryVote) -> dict:
    """Option id → rank from the form; a bad number is left out (and refused)."""
    if vote.kind != AdvisoryKind.RANKING:
        return dict.fromkeys(
            int(pk) for pk in request.POST.getlist("option") if pk.isdigit()
        )
    ranks = {}
    for option in vote.options.all():
        value = request.POST.get(f"rank-{option.pk}", "").strip()
        if value.isdigit():
            ranks[option.pk] = int(value)
    return ranks


@requires({"POST": "budgeting.take_part", "*": "budgeting.view"}, load=AdvisoryVote)
def advisory_detail(request: HttpRequest, vote: AdvisoryVote) -> HttpResponse:
    """The question, the form while open (answering needs take_part), the
    result once closed."""
    may_answer = can(request.user, "budgeting.take_part", request.organisation)
    error = None
    if request.method == "POST":
        chosen = _posted_choices(request, vote)
        age = request.POST.get("age", "").strip()
        try:
            advisory.advisory_answer(
                vote=vote,
                by=request.user,
                choices=chosen,
                age=int(age) if age.isdigit() else None,
                is_resident=request.POST.get("resident") == "on",
            )
        except BudgetingError as refused:
            error = str(refused)
        else:
            messages.success(
                request, _("Your answer is counted. You can change it until the close.")
            )
            return redirect(vote)
    own = advisory.own_answer(vote, request.user) if may_answer else None
    context = {
        "vote": vote,
        "options": vote.options.all(),
        "ranks": range(1, vote.options.count() + 1),
        "own": own or {},
        "answered": own is not None,
        "may_answer": may_answer,
        "error": error,
        "result": advisory.advisory_results(vote)
        if vote.status == AdvisoryStatus.CLOSED
        else None,
        "can_manage": can(request.user, "budgeting.manage", request.organisation),
    }
    return render(
        request, "budgeting/advisory.html", context, status=400 if error else 200
    )


@requires({"POST": "budgeting.manage"}, load=AdvisoryVote)
def advisory_move(request: HttpRequest, vote: AdvisoryVote) -> HttpResponse:
    """Open a draft or close an open vote."""
    act = advisory.advisory_open
    if vote.status == AdvisoryStatus.OPEN:
        act = advisory.advisory_close
    try:
        act(vote=vote, by=request.user)
    except BudgetingError as error:
        messages.error(request, str(error))
    return redirect(vote)
