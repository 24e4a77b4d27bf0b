from tuuma.organisation.permissions import Rule

RULES = {
    # Only the person who started a job (administrators too) watches its progress.
    "jobs.view": Rule(owners=("created_by",), describe="Watch a background job"),
    "jobs.notifications": Rule(
        residents=True,
        describe="Read one's own notifications and choose how they are e-mailed",
    ),
}
