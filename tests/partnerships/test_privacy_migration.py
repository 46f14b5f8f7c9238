"""Migration 0012: a privacy notice made before the Chinese side's form gets the section for
Chinese organisations in both languages; a notice that has it, or a language with no text,
is left as it is; whatever staff wrote stays, and reversing takes away only what was added."""

import importlib
import re

import pytest

from tep_portal.rich_text import to_html

from ..fetch import get_html, text_of
from ..test_migrations import latest, migrate

BEFORE = [("partnerships", "0011_quote_speaker_translation")]
AFTER = [("partnerships", "0012_privacy_notice_chinese_organisations")]
MIGRATION_0010 = importlib.import_module("partnerships.migrations.0010_partnership_research_note_privacy_page")
NOTICE_0010 = MIGRATION_0010.PRIVACY
SECTION_0012 = importlib.import_module("partnerships.migrations.0012_privacy_notice_chinese_organisations")
HEADING = {"en": "UK partners, for Chinese organisations", "zh_hans": "英国合作方（适用于中国单位）"}
COLUMNS = ("body", "body_en", "body_zh_hans")


def old_notice(language):
    """The notice 0010 wrote before the Chinese side's form: today's without the section."""
    text = re.sub(rf"## {re.escape(HEADING[language])}\n\n.*?\n\n", "", NOTICE_0010["body"][language], flags=re.S)
    assert HEADING[language] not in text and text.count("\n## ") == 7
    return text


def privacy(apps):
    return apps.get_model("partnerships", "Page").objects.get(slug="privacy")


def store(apps, **bodies):
    apps.get_model("partnerships", "Page").objects.filter(slug="privacy").update(**bodies)


def bodies(apps):
    page = privacy(apps)
    return {column: getattr(page, column) for column in COLUMNS}


@pytest.fixture
def before_0012(transactional_db):
    """The database before 0012, with the notice as 0010 writes it today (an earlier
    transactional test may have emptied the tables)."""
    apps = migrate(BEFORE)
    MIGRATION_0010.create_privacy_page(apps, None)
    yield apps
    migrate(latest())


def test_an_old_notice_gets_the_section_in_both_languages_and_loses_it_when_reversed(before_0012, client):
    old = {"body": old_notice("en"), "body_en": old_notice("en"), "body_zh_hans": old_notice("zh_hans")}
    store(before_0012, **old)

    after = bodies(migrate(AFTER))
    assert after["body"] == after["body_en"]
    # Added after the old text, as plain text like the rest of it.
    assert after["body_en"].startswith(old["body_en"] + "\n\n## UK partners, for Chinese organisations\n\n")
    assert after["body_zh_hans"].startswith(old["body_zh_hans"] + "\n\n## 英国合作方（适用于中国单位）\n\n")

    english = text_of(get_html(client, "/privacy/"))
    assert "Who we are" in english and "UK partners, for Chinese organisations" in english
    assert "its province, municipality or autonomous region and city in China" in english
    assert "with a possible UK partner (a council, school or other organisation) only with your agreement" in english
    chinese = text_of(get_html(client, "/zh-hans/privacy/"))
    assert "我们是谁" in chinese and "英国合作方（适用于中国单位）" in chinese
    assert "贵单位的名称、类型及所在省（自治区、直辖市）和城市" in chinese
    assert "只有在征得您同意后，我们才会将贵单位的信息和您的联系方式提供给可能的英国合作方" in chinese

    assert bodies(migrate(BEFORE)) == old


def test_a_notice_that_has_the_section_is_unchanged(before_0012):
    page = privacy(before_0012)  # as 0010 writes it today
    assert HEADING["en"] in page.body_en and HEADING["zh_hans"] in page.body_zh_hans
    before = (bodies(before_0012), page.updated_at)

    apps = migrate(AFTER)
    assert (bodies(apps), privacy(apps).updated_at) == before
    assert bodies(migrate(BEFORE)) == before[0]


def test_a_notice_staff_rewrote_keeps_their_text_and_gets_the_section_only_where_missing(before_0012, client):
    staff_en = "<h2>Who we are</h2><p>TEP, in our own words.</p><ul><li>Only what we need.</li></ul>"
    chinese_with_section = privacy(before_0012).body_zh_hans
    store(before_0012, body=staff_en, body_en=staff_en)

    after = bodies(migrate(AFTER))
    assert after["body_en"].startswith(staff_en + "<h2>UK partners, for Chinese organisations</h2><p>")
    assert to_html(after["body_en"]) == after["body_en"]  # as the admin's editor stores it
    assert after["body"] == after["body_en"] and after["body_zh_hans"] == chinese_with_section
    english = text_of(get_html(client, "/privacy/"))
    assert "TEP, in our own words." in english and "Only what we need." in english
    assert "We share your organisation's and your contact details with a possible UK partner" in english

    assert bodies(migrate(BEFORE)) == {"body": staff_en, "body_en": staff_en, "body_zh_hans": chinese_with_section}


def test_an_empty_language_stays_empty_and_the_untranslated_column_follows_its_language(before_0012):
    """An empty English notice stays empty (check --deploy still reports it); `body`, which holds
    the language the page was last saved in (here Chinese), gets the Chinese section."""
    store(before_0012, body=old_notice("zh_hans"), body_en="", body_zh_hans=old_notice("zh_hans"))

    after = bodies(migrate(AFTER))
    assert after["body_en"] == ""
    assert after["body"] == after["body_zh_hans"] != old_notice("zh_hans")
    assert HEADING["en"] not in after["body"]


@pytest.mark.parametrize("language", ["en", "zh_hans"])
def test_the_section_says_the_same_as_plain_text_and_as_html(language):
    assert to_html(SECTION_0012.plain_section(language)) == SECTION_0012.html_section(language)
