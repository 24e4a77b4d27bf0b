"""The phone pages: join by code, take part in the current step, stay live.

They are public: the join code finds the session and the participant's token (a
cookie set on joining) says who is voting. Joins and code look-ups are
rate-limited per address, so codes cannot be guessed by trying.
"""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tuuma.lib.env import env_int
from tuuma.organisation.access import public
from tuuma.web.ratelimit import client_ip, hit_and_check, is_limited, record_hit
from tuuma.workshops import voting
from tuuma.workshops.actions import WorkshopError, note_create, participant_join
from tuuma.workshops.forms import JoinCodeForm, JoinForm, NoteForm
from tuuma.workshops.items import step_items, visible_notes
from tuuma.workshops.models import Participant, Session, SessionStatus, Step, StepKind
from tuuma.workshops.results import next_pair, step_results

# Per address and minute. Wrong codes are what guessing looks like, so they are
# limited hard; joins themselves generously, since a whole room behind one NAT
# (an office, a school) joins in the same minute. The bench raises the latter.
MISS_LIMIT, JOIN_PERIOD = 30, 60
JOIN_LIMIT = env_int("WORKSHOPS_JOIN_LIMIT", 600)
COOKIE_AGE = 60 * 60 * 24 * 30


def cookie_name(session: Session) -> str:
    return f"tuuma_ws_{session.code}"


def guessing(request: HttpRequest) -> bool:
    """Too many wrong codes from this address in this minute."""
    key = f"workshops-miss:{client_ip(request)}"
    return is_limited(key, limit=MISS_LIMIT, period=JOIN_PERIOD)


def missed(request: HttpRequest) -> None:
    record_hit(f"workshops-miss:{client_ip(request)}", JOIN_PERIOD)


def joining_too_fast(request: HttpRequest) -> bool:
    key = f"workshops-join:{client_ip(request)}"
    return hit_and_check(key, limit=JOIN_LIMIT, period=JOIN_PERIOD)


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "workshops/too_many.html", status=429)


class GuessingError(Exception):
    """Too many wrong codes from one address: answered 429."""


def find_session(request: HttpRequest, code: str) -> Session:
    """The session of a code; every page that answers differently for a right
    and a wrong code counts the wrong ones, so none of them helps guessing."""
    if guessing(request):
        raise GuessingError
    session = Session.objects.filter(
        organisation=request.organisation, code=code.upper()
    ).first()
    if session is None:
        missed(request)
        raise Http404
    return session


def find_participant(request: HttpRequest, session: Session) -> Participant | None:
    token = request.COOKIES.get(cookie_name(session))
    if not token:
        return None
    return session.participants.filter(token=token).first()


@public
def join_by_code(request: HttpRequest) -> HttpResponse:
    form = JoinCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if guessing(request):
            return _too_many(request)
        code = form.cleaned_data["code"].strip().upper()
        if Session.objects.filter(
            organisation=request.organisation, code=code
        ).exists():
            return redirect("workshops:join", code=code)
        missed(request)
        form.add_error("code", _("No workshop has this code. Check the code."))
    return render(request, "workshops/join_code.html", {"form": form})


@public
def join(request: HttpRequest, code: str) -> HttpResponse:
    try:
        session = find_session(request, code)
    except GuessingError:
        return _too_many(request)
    if find_participant(request, session):
        return redirect("workshops:take-part", code=session.code)
    form = JoinForm(request.POST or None, session=session)
    if request.method == "POST" and form.is_valid():
        if joining_too_fast(request):
            return _too_many(request)
        try:
            participant = participant_join(
                session=session,
                nickname=form.cleaned_data.get("nickname", ""),
                group=form.cleaned_data.get("group", ""),
                user=request.user if request.user.is_authenticated else None,
            )
        except WorkshopError as error:
            form.add_error(None, str(error))
        else:
            response = redirect("workshops:take-part", code=session.code)
            response.set_cookie(
                cookie_name(session),
                participant.token,
                max_age=COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=request.is_secure(),
            )
            return response
    return render(request, "workshops/join.html", {"session": session, "form": form})


def shown_step(session: Session, request: HttpRequest) -> Step | None:
    """Live: the step the facilitator shows. Self-paced: the open step chosen."""
    if session.is_self_paced:
        open_steps = session.steps.filter(state="open")
        chosen = request.GET.get("vaihe") or request.POST.get("step")
        if chosen and chosen.isdigit():
            return open_steps.filter(pk=chosen).first() or open_steps.first()
        return open_steps.first()
    return session.current_step


def version(session: Session, step: Step | None) -> str:
    """What a phone needs to notice: another step, opened/closed, results shown,
    and new questions in a Q&A step."""
    parts = [session.status, str(step.pk if step else 0)]
    if step:
        parts += [step.state, str(int(step.results_revealed))]
        if step.kind == StepKind.QA:
            parts.append(str(visible_notes(session).filter(step=step).count()))
    return "-".join(parts)


@public
@require_GET
def live(request: HttpRequest, code: str) -> HttpResponse:
    """Polled every few seconds by each phone: one small query (two in a Q&A),
    and an empty answer (204, htmx keeps the page) unless something changed.
    It answers only a participant's own token, so it cannot test codes."""
    code = code.upper()
    participant = (
        Participant.objects.select_related("session__current_step")
        .filter(
            organisation=request.organisation,
            session__code=code,
            token=request.COOKIES.get(f"tuuma_ws_{code}", "-"),
        )
        .first()
    )
    if participant is None:
        raise Http404
    session = participant.session
    if version(session, shown_step(session, request)) == request.GET.get("v"):
        return HttpResponse(status=204)
    response = HttpResponse(status=200)
    response["HX-Refresh"] = "true"
    return response


def _act(request: HttpRequest, step: Step, participant: Participant) -> None:
    data, action = request.POST, request.POST.get("action", "")
    if action == "note":
        form = NoteForm(data)
        if not form.is_valid():
            raise WorkshopError(_("Write something first."))
        note_create(step=step, participant=participant, text=form.cleaned_data["text"])
    elif action == "dot":
        voting.dot_add(step=step, participant=participant, item=data.get("item", ""))
    elif action == "undot":
        voting.dot_remove(step=step, participant=participant, item=data.get("item", ""))
    elif action == "upvote":
        voting.question_upvote(
            step=step, participant=participant, item=data.get("item", "")
        )
    elif action == "poll":
        voting.poll_answer(
            step=step, participant=participant, option=data.get("item", "")
        )
    elif action == "duel":
        voting.duel_record(
            step=step,
            participant=participant,
            winner=data.get("winner", ""),
            loser=data.get("loser", ""),
        )
    elif action in ("points", "ranking", "matrix"):
        _act_on_form(step, participant, action, data)
    else:
        raise WorkshopError(_("Unknown action."))


def _number(value: str | None, default: int = 0) -> int:
    try:
        return int(value or default)
    except ValueError:
        raise WorkshopError(_("Enter whole numbers.")) from None


def _act_on_form(step: Step, participant: Participant, action: str, data) -> None:
    keys = [i.key for i in step_items(step)]
    if action == "points":
        allocation = {k: _number(data.get(f"p-{k}")) for k in keys}
        voting.points_set(step=step, participant=participant, allocation=allocation)
    elif action == "ranking":
        places = {k: _number(data.get(f"r-{k}"), len(keys)) for k in keys}
        order = sorted(keys, key=lambda k: places[k])
        if len(set(places.values())) != len(keys):
            raise WorkshopError(_("Give each item its own place."))
        voting.ranking_set(step=step, participant=participant, order=order)
    else:
        item = data.get("item", "")
        voting.matrix_place(
            step=step,
            participant=participant,
            item=item,
            impact=_number(data.get("impact")),
            effort=_number(data.get("effort")),
        )


@public
def take_part(request: HttpRequest, code: str) -> HttpResponse:
    try:
        session = find_session(request, code)
    except GuessingError:
        return _too_many(request)
    participant = find_participant(request, session)
    if participant is None:
        return redirect("workshops:join", code=session.code)
    step = shown_step(session, request)
    if request.method == "POST" and step is not None:
        try:
            _act(request, step, participant)
        except WorkshopError as error:
            messages.error(request, str(error))
        url = reverse("workshops:take-part", args=[session.code])
        return redirect(f"{url}?vaihe={step.pk}" if session.is_self_paced else url)
    context = {
        "session": session,
        "participant": participant,
        "step": step,
        "version": version(session, step),
        "is_closed": session.status == SessionStatus.CLOSED,
    }
    if step is not None:
        context.update(_step_context(step, participant))
    if session.is_self_paced:
        context["open_steps"] = session.steps.filter(state="open")
    if session.status == SessionStatus.CLOSED:
        context["outcomes"] = session.outcomes.select_related("idea")
    return render(request, "workshops/take_part.html", context)


def _step_context(step: Step, participant: Participant) -> dict:
    mine = {}
    for vote in participant.votes.filter(step=step):
        mine.setdefault(vote.item, []).append(vote)
    items = step_items(step) if step.kind != StepKind.IDEATE else []
    context = {
        "items": [
            {"item": i, "mine": mine.get(i.key, []), "count": len(mine.get(i.key, []))}
            for i in items
        ],
        "note_form": NoteForm(),
        "my_notes": participant.notes.filter(step=step, is_hidden=False),
        "dots_left": step.budget - sum(len(v) for v in mine.values()),
        "points_used": sum(v.points for votes in mine.values() for v in votes),
    }
    if step.kind == StepKind.PAIRWISE:
        context["pair"] = next_pair(step, participant)
    if step.results_revealed:
        context["results"] = step_results(step)
    return context
