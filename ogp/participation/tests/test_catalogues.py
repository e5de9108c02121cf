"""Every plural message of the catalogues this team owns is translated for every plural form.

Spanish catalogues declare three plural forms (gettext's CLDR rule: one, "many" for millions,
other); a message with only two forms falls back to English for 2, 3, 4..."""

import gettext
from pathlib import Path

import pytest

APPS = ("participation", "organisations", "membership")
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("app", APPS)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_plural_messages_translated_for_every_count(app, language):
    mo = ROOT / app / "locale" / language / "LC_MESSAGES" / "django.mo"
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    plurals = {key[0] for key in catalogue._catalog if isinstance(key, tuple)}  # type: ignore[attr-defined]
    untranslated = []
    for msgid in plurals:
        for count in (0, 1, 2, 5, 21, 1_000_000):
            key = (msgid, catalogue.plural(count))  # type: ignore[attr-defined]
            if not catalogue._catalog.get(key):  # type: ignore[attr-defined]
                untranslated.append((msgid, count))
    assert not untranslated, untranslated
