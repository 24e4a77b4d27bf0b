"""Who visits during the bench (see run.py, which starts locust with this file).

BENCH_PAGE names one page that every user requests as fast as it answers (the
per-page runs); ``mix`` runs the crowd: anonymous residents browsing and
searching, residents supporting and commenting, and a lead triaging.
BENCH_FIXTURE is the JSON that run.py writes: idea ids and session cookies.
"""

import json
import os
import random
import re

from locust import HttpUser, constant, events, task

FIXTURE = json.loads(open(os.environ["BENCH_FIXTURE"]).read())  # noqa: SIM115
PAGE = os.environ.get("BENCH_PAGE", "mix")
WORDS = FIXTURE["words"]
SORTS = ["newest", "supported", "answered"]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


MAX_REQUESTS = int(os.environ.get("BENCH_MAX_REQUESTS", "0"))
_state = {"sent": 0, "runner": None}


@events.init.add_listener
def _keep_runner(environment, **kwargs) -> None:
    _state["runner"] = environment.runner


@events.request.add_listener
def _bound(**kwargs) -> None:
    """The soak is bounded in requests as well as in time (--run-time)."""
    _state["sent"] += 1
    if MAX_REQUESTS and _state["sent"] == MAX_REQUESTS and _state["runner"]:
        _state["runner"].quit()


def idea_id() -> int:
    return random.choice(FIXTURE["ideas"])  # noqa: S311


PAGES = {
    "bare": lambda: ("/bench/bare/", "bare view"),
    "list": lambda: ("/ideat/", "list /ideat/"),
    "list_later": lambda: (
        f"/ideat/?sort={random.choice(SORTS)}&page={random.randint(2, 50)}",  # noqa: S311
        "list, a later page",
    ),
    "search": lambda: (
        f"/ideat/?q={random.choice(WORDS)}+{random.choice(WORDS)}",  # noqa: S311
        "search",
    ),
    "idea": lambda: (f"/ideat/{idea_id()}/", "one idea"),
    "home": lambda: ("/", "home"),
    "api": lambda: (f"/api/v1/ideas?page={random.randint(1, 20)}", "API idea list"),  # noqa: S311
}


class Base(HttpUser):
    abstract = True
    wait_time = constant(0)  # the next request as soon as the last one answers

    def on_start(self) -> None:
        # The organisation is found from the host name, as in production.
        self.client.headers["Host"] = FIXTURE["host"]

    def page(self, key: str) -> None:
        url, name = PAGES[key]()
        self.client.get(url, name=name)


class OnePage(Base):
    """Per-page runs: every user asks for the same kind of page."""

    weight = 1 if PAGE != "mix" else 0

    @task
    def one(self) -> None:
        self.page(PAGE)


class Browsing(Base):
    """An anonymous resident after a council decision: lists, searches, reads."""

    weight = 0 if PAGE != "mix" else 14

    @task(4)
    def listing(self) -> None:
        self.page(random.choice(["list", "list_later"]))  # noqa: S311

    @task(2)
    def search(self) -> None:
        self.page("search")

    @task(3)
    def idea(self) -> None:
        self.page("idea")

    @task(1)
    def home(self) -> None:
        self.page("home")

    @task(1)
    def api(self) -> None:
        self.page("api")

    @task(1)
    def bare(self) -> None:
        self.page("bare")


class Participating(Base):
    """A signed-in resident who reads an idea, supports it and sometimes comments."""

    weight = 0 if PAGE != "mix" else 5

    def on_start(self) -> None:
        super().on_start()
        session = FIXTURE["residents"][random.randrange(len(FIXTURE["residents"]))]  # noqa: S311
        self.client.cookies.set("sessionid", session)

    def _token(self, pk: int) -> str | None:
        response = self.client.get(f"/ideat/{pk}/", name="one idea (signed in)")
        match = TOKEN.search(response.text or "")
        return match.group(1) if match else None

    @task(3)
    def support(self) -> None:
        pk = idea_id()
        token = self._token(pk)
        if token:
            self.client.post(
                f"/ideat/{pk}/kannata/",
                {"csrfmiddlewaretoken": token},
                name="support",
                allow_redirects=False,
            )

    @task(1)
    def comment(self) -> None:
        pk = idea_id()
        token = self._token(pk)
        if not token:
            return
        with self.client.post(
            f"/ideat/{pk}/kommentoi/",
            {"csrfmiddlewaretoken": token, "body": "Kannatan, hyvä ajatus."},
            headers={"Referer": self.host + f"/ideat/{pk}/"},
            name="comment",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            # The hourly comment limit answers 429: the rule working, not an error.
            if response.status_code in (302, 429):
                response.success()


class Triaging(Base):
    """A lead going through the triage queue and the staff view of the list."""

    weight = 0 if PAGE != "mix" else 1

    def on_start(self) -> None:
        super().on_start()
        self.client.cookies.set("sessionid", FIXTURE["lead"])

    @task(2)
    def triage(self) -> None:
        self.client.get(
            f"/ideat/hallinta/kasittely/?page={random.randint(1, 20)}",  # noqa: S311
            name="triage (lead)",
        )

    @task(1)
    def staff_list(self) -> None:
        self.client.get(
            f"/ideat/?sort={random.choice(SORTS)}&page={random.randint(1, 20)}",  # noqa: S311
            name="list (lead)",
        )
