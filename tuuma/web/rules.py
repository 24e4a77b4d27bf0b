from tuuma.organisation.permissions import Rule

RULES = {
    "web.my_work": Rule(
        residents=True,
        describe="See one's own work list (My work) and its count in the navigation",
    ),
}
