from tuuma.organisation.permissions import Rule

RULES = {
    "accounts.own_profile": Rule(
        residents=True, describe="See and change one's own profile and log-in"
    ),
}
