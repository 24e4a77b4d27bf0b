"""Personal data of the account itself (GDPR hooks, see tuuma/audit/personal_data.py)."""

from typing import Any

from tuuma.accounts.models import ApiToken
from tuuma.organisation.models import Membership


def personal_data(user) -> dict[str, Any]:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "is_active": user.is_active,
        "roles": [
            {"role": m.role, "service_area": str(m.service_area or "")}
            for m in Membership.objects.filter(user=user).select_related("service_area")
        ],
        "api_tokens": list(
            ApiToken.objects.filter(user=user).values(
                "name", "prefix", "created_at", "last_used_at", "revoked_at"
            )
        ),
    }


def erase_person(user, *, remove_public_texts: bool) -> None:
    """Remove name and address, roles and tokens; the account can never sign in.

    The row itself stays so that counted contributions (supports) and records
    keep their counts; it no longer says who the person was.
    """
    ApiToken.objects.filter(user=user).delete()
    Membership.objects.filter(user=user).delete()
    user.full_name = ""
    user.email = f"erased-{user.pk}@erased.invalid"
    user.is_active = False
    user.is_staff = False
    user.set_unusable_password()
    user.save()
