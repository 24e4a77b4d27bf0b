from tuuma.organisation.permissions import LEADS, Rule
from tuuma.organisation.roles import Role

RULES = {
    "web.my_work": Rule(
        residents=True,
        describe="See one's own work list (My work) and its count in the navigation",
    ),
    "web.programme_state": Rule(
        LEADS | {Role.ADMINISTRATOR},
        describe="See the programme's state first on the front page",
    ),
}
