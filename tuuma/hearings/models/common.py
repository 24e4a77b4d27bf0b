"""What hearings and matters share: texts in fi/sv/en and uploaded images."""

import secrets
from pathlib import PurePath

from django.utils import translation


class Localized:
    """Staff-written texts keep a Finnish field and optional ``_sv``/``_en`` ones."""

    def localized(self, field: str) -> str:
        language = translation.get_language() or "fi"
        if language[:2] in ("sv", "en"):
            text = getattr(self, f"{field}_{language[:2]}", "")
            if text:
                return text
        return getattr(self, field)

    @property
    def localized_title(self) -> str:
        return self.localized("title")

    @property
    def localized_summary(self) -> str:
        return self.localized("summary")

    @property
    def localized_body(self) -> str:
        return self.localized("body")

    @property
    def localized_text(self) -> str:
        return self.localized("text")

    def has_language(self, field: str, language: str) -> bool:
        name = field if language == "fi" else f"{field}_{language}"
        return bool(getattr(self, name, ""))


def image_path(instance, filename: str) -> str:
    """A generated name; the uploaded name is kept only as metadata."""
    suffix = PurePath(filename).suffix.lower()[:8]
    return f"hearings/{instance.organisation_id}/{secrets.token_hex(16)}{suffix}"
