"""The fi and sv catalogues are complete and speak with one voice.

Django merges every app's catalogue into one, and the app listed first in
INSTALLED_APPS wins a message both translate. Two apps translating the same
English text differently would therefore show one app's wording on the other's
page, depending on the order of the apps. Where the meaning really differs
("Answer" as a noun and as a button), the text carries a context
(`pgettext` / `{% translate "…" context "verb" %}`), which keeps it apart.
"""

from collections import defaultdict
from pathlib import Path

import polib
import pytest

APPS = Path(__file__).resolve().parents[2]
LANGUAGES = ["fi", "sv"]


def catalogues(language: str) -> dict[str, polib.POFile]:
    return {
        path.parts[-5]: polib.pofile(str(path))
        for path in sorted(APPS.glob(f"*/locale/{language}/LC_MESSAGES/django.po"))
    }


def live(entries: polib.POFile) -> list[polib.POEntry]:
    return [entry for entry in entries if not entry.obsolete]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_none_is_fuzzy(language):
    missing = [
        f"{app}: {entry.msgid!r}"
        for app, entries in catalogues(language).items()
        for entry in live(entries)
        if not entry.translated()
    ]
    assert missing == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_text_has_one_wording_in_every_app(language):
    wordings: dict[tuple, dict[str, str]] = defaultdict(dict)
    for app, entries in catalogues(language).items():
        for entry in live(entries):
            if not entry.msgid_plural:
                wordings[(entry.msgctxt, entry.msgid)][app] = entry.msgstr
    differing = {
        key: by_app for key, by_app in wordings.items() if len(set(by_app.values())) > 1
    }
    assert differing == {}
