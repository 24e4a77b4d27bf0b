from tuuma.organisation.permissions import Rule

RULES = {
    "accessibility.view": Rule(
        public=True, describe="Read the accessibility statement"
    ),
    "accessibility.feedback": Rule(public=True, describe="Give accessibility feedback"),
    "accessibility.edit": Rule(describe="Edit the accessibility statement"),
}
