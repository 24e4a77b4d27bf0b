"""Case logs are personal data: only case-log staff of the organisation see them."""

from tuuma.organisation.permissions import LEADS, Rule
from tuuma.organisation.roles import Role

RULES = {
    "caselog.view": Rule(frozenset({Role.CASELOG_ANALYST}) | LEADS),
    "caselog.upload": Rule(frozenset({Role.CASELOG_ANALYST}) | LEADS),
}
