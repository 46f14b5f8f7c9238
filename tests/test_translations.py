"""The interface translation: every string of locale/zh_Hans/LC_MESSAGES/django.po is translated
and none is fuzzy, translations keep their placeholders, and the committed .mo says what the .po says."""

import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.zh_text import read_po

LOCALE_DIR = Path(settings.BASE_DIR) / "locale" / "zh_Hans" / "LC_MESSAGES"


@pytest.fixture(scope="module")
def po_entries():
    entries = read_po(LOCALE_DIR / "django.po")
    header, messages = entries[0], entries[1:]
    assert header["msgid"] == ""
    assert "Language: zh_Hans\n" in header["msgstr"][0]
    return messages


def test_every_interface_string_is_translated_and_none_is_fuzzy(po_entries):
    assert len(po_entries) > 400  # the whole interface, not a stub
    untranslated = [entry["msgid"] for entry in po_entries if not all(entry["msgstr"])]
    fuzzy = [entry["msgid"] for entry in po_entries if "fuzzy" in entry["flags"]]
    assert untranslated == [], "run `make messages` and translate these in locale/zh_Hans/LC_MESSAGES/django.po"
    assert fuzzy == [], "check these translations and remove their fuzzy flag"


def test_translations_keep_their_placeholders(po_entries):
    """A translation that drops or renames %(name)s would raise KeyError on the Chinese page."""
    placeholder = re.compile(r"%\((\w+)\)[sd]|\{\{\s*(\w+)\s*\}\}")
    for entry in po_entries:
        expected = {match.group(0) for match in placeholder.finditer(entry["msgid"])}
        for text in entry["msgstr"]:
            assert {match.group(0) for match in placeholder.finditer(text)} == expected, entry["msgid"]


def test_the_committed_mo_is_compiled_from_the_po(po_entries):
    """`make run` reads the committed .mo: it must say what the .po says. (File times mean
    nothing after a git checkout, so the catalogues are compared entry by entry.)"""
    with (LOCALE_DIR / "django.mo").open("rb") as mo_file:
        catalog = gettext.GNUTranslations(mo_file)._catalog
    expected = {}
    for entry in po_entries:
        msgid = entry["msgid"] if entry["msgctxt"] is None else f"{entry['msgctxt']}\x04{entry['msgid']}"
        if entry["msgid_plural"] is None:
            expected[msgid] = entry["msgstr"][0]
        else:
            expected.update({(msgid, index): text for index, text in enumerate(entry["msgstr"])})
    compiled = {key: value for key, value in catalog.items() if key != ""}
    assert compiled == expected, "run `make messages` and commit locale/zh_Hans/LC_MESSAGES/django.mo"
