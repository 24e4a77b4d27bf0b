"""Who reads the insights: the dashboard and the risk view are for managers and
productivity leads (the steering group's members hold one of these roles); the
public results page and the public metrics are for everyone."""

from tuuma.organisation.permissions import LEADS, Rule

RULES = {
    "insights.view": Rule(
        LEADS, describe="Read the leadership dashboard, the risk view and every metric"
    ),
    "insights.view_public": Rule(
        public=True, describe="Read the public results and the public metrics"
    ),
}
