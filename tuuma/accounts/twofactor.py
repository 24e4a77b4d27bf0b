"""Two-factor authentication for staff: TOTP (an authenticator app) plus one-time
recovery codes, both django-otp devices.

Who needs it is the organisation's choice (``Organisation.two_factor_roles``);
platform superusers always do. Only a session opened by a real log-in is held to
it (see ``accounts.apps``); API tokens never are.
"""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import quote, urlencode

import segno
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuuma.organisation.permissions import all_roles

PENDING_KEY = "tuuma_second_factor_pending"
RECOVERY_CODES = 10


def needs_second_factor(user, organisation) -> bool:
    if user.is_superuser:
        return True
    if organisation is None:
        return False
    required = set(organisation.two_factor_roles or [])
    return bool(required & set(all_roles(user, organisation)))


def has_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_device(user) -> TOTPDevice:
    """The device being enrolled: reused until confirmed, so a reload keeps the QR."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=False
    )


def otpauth_url(device: TOTPDevice, organisation) -> str:
    issuer = organisation.name if organisation else "Tuuma"
    label = quote(f"{issuer}:{device.user.email}")
    params = {
        "secret": secret_text(device),
        "issuer": issuer,
        "digits": device.digits,
        "period": device.step,
    }
    return f"otpauth://totp/{label}?{urlencode(params)}"


def secret_text(device: TOTPDevice) -> str:
    """The key as an authenticator app wants it typed in (base32, no padding)."""
    return b32encode(device.bin_key).decode().rstrip("=")


def qr_data_uri(text: str) -> str:
    """An SVG QR code as a data: URI for an <img> (no inline script or style)."""
    return segno.make(text, error="m").svg_data_uri(scale=5, border=2)


@transaction.atomic
def confirm_device(*, device: TOTPDevice) -> list[str]:
    """Confirm a TOTP device, drop any older one, and issue fresh recovery codes."""
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return recovery_codes_issue(user=device.user)


@transaction.atomic
def recovery_codes_issue(*, user) -> list[str]:
    """Replace the person's recovery codes with new ones; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    static = StaticDevice.objects.create(user=user, name="recovery")
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(
        StaticToken(device=static, token=code) for code in codes
    )
    return codes


@transaction.atomic
def second_factor_remove(*, user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
