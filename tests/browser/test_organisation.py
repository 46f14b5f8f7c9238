"""In a real Chromium: staff fill in the organisation details in the admin, and a visitor
sees them at once in the footer and on the contact page, in both languages, at phone and
desktop sizes, with no axe violations; and a thin partnership page leaves no empty column.

Screenshots go to $TEP_SCREENSHOT_DIR when set (to look at them), else a temporary folder.
"""

import os
from io import BytesIO
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from PIL import Image
from playwright.sync_api import expect

from tests.browser.axe import format_violations
from tests.browser.staff import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("TEP_SCREENSHOT_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def qr_png(path):
    buffer = BytesIO()
    Image.new("RGB", (160, 160), "white").save(buffer, "PNG")
    path.write_bytes(buffer.getvalue())
    return path


def test_staff_edit_the_organisation_and_visitors_see_it_in_both_languages(site, new_page, axe, shots, tmp_path):
    get_user_model().objects.create_superuser("curator", "curator@example.org", PASSWORD)
    staff = new_page("desktop")
    sign_in(staff, site, "curator", PASSWORD)
    staff.get_by_role("link", name="Organisation details").first.click()
    expect(staff.locator("h1")).to_contain_text("Change organisation details")
    staff.fill("#id_name_zh_hans", "真教育合作")
    staff.fill("#id_email", "hello@tep.example")
    staff.fill("#id_telephone", "+44 115 496 0000")
    staff.fill("#id_wechat_id", "tep_uk_china")
    staff.fill("#id_address_en", "1 Example Street\nNottingham NG1 1AA")
    staff.fill("#id_address_zh_hans", "英国诺丁汉\nExample Street 1号")
    staff.set_input_files("#id_wechat_qr", str(qr_png(tmp_path / "qr.png")))
    staff.screenshot(path=str(shots / "admin-organisation.png"), full_page=True)
    with staff.expect_navigation():
        staff.click("input[name=_save]")
    expect(staff.locator(".messagelist")).to_contain_text("was changed successfully")
    assert staff.errors == []

    problems = []
    for language, prefix, expected in (
        ("en-GB", "", ["Contact us", "hello@tep.example", "+44 115 496 0000", "tep_uk_china", "1 Example Street"]),
        ("zh-CN", "/zh-hans", ["联系我们", "hello@tep.example", "+44 115 496 0000", "tep_uk_china", "英国诺丁汉"]),
    ):
        for size in ("phone", "desktop"):
            visitor = new_page(size, locale=language)
            visitor.goto(f"{site}{prefix}/contact/")
            main = visitor.locator("main")
            for text in expected:
                expect(main).to_contain_text(text)
            expect(visitor.locator("img.contact-details__qr")).to_be_visible()
            expect(visitor.locator("footer")).to_contain_text("hello@tep.example")
            if prefix:
                expect(visitor.locator("footer .site-footer__name")).to_have_text("真教育合作")
            if violations := axe(visitor):
                problems.append(format_violations(f"{prefix}/contact/ ({size})", violations))
            problems += [f"{prefix}/contact/ ({size}): {error}" for error in visitor.errors]
            visitor.screenshot(path=str(shots / f"contact{prefix.replace('/', '-')}-{size}.png"), full_page=True)
            visitor.goto(f"{site}{prefix}/")
            expect(visitor.locator("footer")).to_contain_text("+44 115 496 0000")
            visitor.locator("footer").screenshot(path=str(shots / f"footer{prefix.replace('/', '-')}-{size}.png"))
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("prefix", ["", "/zh-hans"])
def test_a_thin_partnership_page_fills_both_columns_on_a_desktop_and_stacks_on_a_phone(site, new_page, shots, prefix):
    url = f"{site}{prefix}/partnerships/sheffield-anshan/"
    desktop = new_page("desktop")
    desktop.goto(url)
    assert desktop.locator(".partnership__more").count() == 0
    facts = desktop.locator(".partnership__facts").bounding_box()
    side = desktop.locator(".partnership__side").bounding_box()
    header = desktop.locator(".page-header").bounding_box()
    # The facts take the main column, from its left edge; the side boxes sit beside them, at the same height.
    assert abs(facts["x"] - header["x"]) < 2
    assert side["x"] >= facts["x"] + facts["width"]
    assert abs(side["y"] - facts["y"]) < 40
    desktop.screenshot(path=str(shots / f"thin{prefix.replace('/', '-')}-desktop.png"), full_page=True)

    phone = new_page("phone")
    phone.goto(url)
    facts = phone.locator(".partnership__facts").bounding_box()
    side = phone.locator(".partnership__side").bounding_box()
    assert side["y"] >= facts["y"] + facts["height"]  # one column: the side boxes follow the facts
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.screenshot(path=str(shots / f"thin{prefix.replace('/', '-')}-phone.png"), full_page=True)
