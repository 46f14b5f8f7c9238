"""Thin partnership pages (issue 11 point 9): public notes on sources written for readers in
both languages, internal research notes kept for staff, and no empty column when a
partnership has no story or timeline."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from demo.source_notes import PUBLIC_SOURCE_NOTES
from partnerships.models import Page, Partnership

from ..factories import PartnershipFactory, TimelineEventFactory
from ..fetch import get_html, text_of

RESEARCH = "CONFLICT: council blog says 2016, CCPIT says 2017 (see ended file)."


def sources_box(html):
    return re.search(r'<section class="sources".*?</section>', html, re.DOTALL).group()


def layout_classes(html):
    return re.search(r'<div class="(partnership__layout[^"]*)"', html).group(1).split()


@pytest.mark.django_db
def test_research_notes_never_reach_a_page_and_public_notes_show_in_their_own_language(client):
    partnership = PartnershipFactory(
        research_note=RESEARCH,
        source_note_en="Sources disagree on the year: 2016 or 2017.",
        source_note_zh_hans="关于结好年份，各方来源说法不一：2016年或2017年。",
    )
    url = partnership.get_absolute_url()
    english, chinese = get_html(client, url), get_html(client, f"/zh-hans{url}")
    assert "CONFLICT" not in english and "CONFLICT" not in chinese
    assert "Sources disagree on the year: 2016 or 2017." in sources_box(english)
    assert "关于结好年份，各方来源说法不一：2016年或2017年。" in sources_box(chinese)
    assert "Sources disagree" not in chinese


@pytest.mark.django_db
def test_a_note_written_only_in_english_is_not_shown_on_the_chinese_page(client):
    partnership = PartnershipFactory(source_note_en="Only one source confirms the year.")
    url = partnership.get_absolute_url()
    assert "Only one source confirms the year." in get_html(client, url)
    assert "Only one source confirms the year." not in get_html(client, f"/zh-hans{url}")


@pytest.mark.django_db
def test_staff_see_and_edit_the_research_notes_in_the_admin(admin_client):
    partnership = PartnershipFactory(research_note=RESEARCH)
    html = admin_client.get(f"/admin/partnerships/partnership/{partnership.pk}/change/").content.decode()
    assert 'name="research_note"' in html and "CONFLICT: council blog" in html
    assert 'name="source_note_en"' in html and 'name="source_note_zh_hans"' in html


@pytest.mark.django_db
def test_a_thin_partnership_page_has_no_empty_column(client):
    thin = PartnershipFactory()
    assert layout_classes(get_html(client, thin.get_absolute_url())) == [
        "partnership__layout",
        "partnership__layout--no-story",
        "partnership__layout--thin",
    ]
    assert 'class="partnership__more"' not in get_html(client, thin.get_absolute_url())

    with_timeline = PartnershipFactory()
    TimelineEventFactory(partnerships=[with_timeline])
    html = get_html(client, with_timeline.get_absolute_url())
    assert layout_classes(html) == ["partnership__layout", "partnership__layout--no-story"]
    assert 'class="partnership__more"' in html

    with_story = PartnershipFactory(body_en="The story of the link.")
    assert layout_classes(get_html(client, with_story.get_absolute_url())) == ["partnership__layout"]


# The demo content ---------------------------------------------------------------------------


def test_every_demo_partnership_has_a_public_note_in_both_languages():
    for slug, (english, chinese) in PUBLIC_SOURCE_NOTES.items():
        assert english and chinese, slug
        assert not re.search(r"[A-Za-z]{3,}", chinese.replace("True Education Partnership", "")), slug
        for internal in ("CONFLICT", "see ended file", ".com", ".uk", "Wikipedia"):
            assert internal not in english and internal not in chinese, slug


@pytest.mark.django_db
def test_the_demo_content_keeps_the_csv_notes_for_staff_and_shows_readers_the_public_ones(client, demo_content):
    bath = Partnership.objects.get(slug="bath-jinan")
    assert "Status unclear: B&NES ended its separate Jiangxi/Jingdezhen agreement" in bath.research_note
    assert (bath.source_note_en, bath.source_note_zh_hans) == PUBLIC_SOURCE_NOTES["bath-jinan"]
    ended = Partnership.objects.get(slug="newcastle-upon-tyne-taiyuan")
    assert "Council voted unanimously" in ended.research_note
    assert Partnership.objects.exclude(research_note="").count() == Partnership.objects.count()
    assert not Partnership.objects.filter(source_note_zh_hans="").exists()
    chinese = text_of(get_html(client, "/zh-hans/partnerships/bath-jinan/"))
    assert "Status unclear" not in chinese and "see ended file" not in chinese
    assert PUBLIC_SOURCE_NOTES["bath-jinan"][1] in chinese


# The migration ------------------------------------------------------------------------------

BEFORE = [("partnerships", "0007_move_out_enquiries_demo_and_event_schools")]
AFTER = [("partnerships", "0010_partnership_research_note_privacy_page")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.fixture
def before_0010(transactional_db):
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())


def test_the_migration_moves_todays_notes_to_the_research_field_and_back(before_0010):
    Council = before_0010.get_model("partnerships", "Council")
    Place = before_0010.get_model("partnerships", "ChinesePlace")
    Partnership = before_0010.get_model("partnerships", "Partnership")
    council = Council.objects.create(name="Bath", slug="bath", region="south-west")
    place = Place.objects.create(name="Jinan", slug="jinan")
    Partnership.objects.create(
        slug="bath-jinan", council=council, chinese_place=place, kind="friendship-city", source_note=RESEARCH
    )
    before_0010.get_model("partnerships", "Page").objects.filter(slug="privacy").delete()

    apps = migrate(AFTER)
    moved = apps.get_model("partnerships", "Partnership").objects.get()
    assert moved.research_note == RESEARCH
    assert (moved.source_note, moved.source_note_en, moved.source_note_zh_hans) == ("", None, None)
    privacy = apps.get_model("partnerships", "Page").objects.get(slug="privacy")
    assert privacy.title_zh_hans == "隐私声明" and "{retention_months}" in privacy.body_en

    apps = migrate(BEFORE)
    assert apps.get_model("partnerships", "Partnership").objects.get().source_note == RESEARCH


@pytest.mark.django_db
def test_a_new_database_has_the_privacy_notice_in_both_languages():
    privacy = Page.objects.get(slug="privacy")
    assert privacy.title_en == "Privacy notice" and privacy.title_zh_hans == "隐私声明"
    assert "## Who we are" in privacy.body_en and "## 我们是谁" in privacy.body_zh_hans
