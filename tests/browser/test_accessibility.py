"""WCAG 2.2 AA in a real browser: axe-core on every page type at phone and desktop
sizes, and the keyboard basics axe cannot see (skip link, visible focus)."""

import pytest

from tests.browser.axe import format_violations
from tests.browser.conftest import SIZES
from tests.browser.pages import PAGE_TYPES


def open_page_type(page, base_url, page_type):
    """Load the page as a visitor would; for an error state, send its form empty."""
    response = page.goto(base_url + page_type.path)
    assert response.status == page_type.status, f"{page_type.path}: HTTP {response.status}"
    if page_type.submit_empty:
        form = page.locator("main form[method=post]")
        with page.expect_navigation():
            form.locator("[type=submit]").last.click()
        # Still on the form (its error state), not sent on to a thanks page.
        assert page.url.split("?")[0] == base_url + page_type.path.split("?")[0], page.url
    return response


@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda page_type: page_type.name)
def test_page_has_no_axe_violations(site, new_page, axe, page_type):
    """At each size in turn (one test per page type, so the demo content loads once)."""
    problems = []
    for size in SIZES:
        page = new_page(size)
        open_page_type(page, site, page_type)
        if violations := axe(page):
            problems.append(format_violations(f"{page_type.path} ({size})", violations))
        if page.errors:
            problems.append(f"{page_type.path} ({size}): browser console errors: {page.errors}")
    assert not problems, "\n\n".join(problems)


def focused(page):
    return page.locator("*:focus")


# Elements with the same tag, classes and parents' classes are styled alike: check one of each.
KIND_AND_DESCRIPTION = """el => {
    const kind = [el, el.parentElement, el.parentElement?.parentElement]
        .map(node => node ? `${node.tagName}.${node.className}.${node.getAttribute("type") || ""}` : "")
        .join(" < ");
    return [kind, el.outerHTML.slice(0, 160)];
}"""


def region_around(box, page, margin=40):
    """The element's box plus a margin, within the viewport: outlines sit outside the
    box, and a card link's indicator is the outline of the whole card."""
    viewport = page.viewport_size
    left, top = max(0, box["x"] - margin), max(0, box["y"] - margin)
    right = min(viewport["width"], box["x"] + box["width"] + margin)
    bottom = min(viewport["height"], box["y"] + box["height"] + margin)
    return {"x": left, "y": top, "width": right - left, "height": bottom - top}


@pytest.mark.parametrize("size", SIZES)
def test_first_tab_reaches_a_visible_skip_link_to_main(site, new_page, size):
    page = new_page(size)
    page.goto(site + "/partnerships/nottingham-ningbo/")

    page.keyboard.press("Tab")

    skip_link = focused(page)
    assert skip_link.get_attribute("href") == "#main"
    assert skip_link.is_visible()
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert box["width"] >= 24 and box["height"] >= 24, box  # WCAG 2.5.8 target size
    assert 0 <= box["x"] and box["x"] + box["width"] <= viewport["width"], box
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], box

    page.keyboard.press("Enter")

    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    # The next Tab continues from the main content, not from the top of the page.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('main').contains(document.activeElement)")


@pytest.mark.parametrize("path", ["/", "/partnerships/", "/partnerships/map/", "/register/"])
def test_keyboard_focus_is_always_visible(site, new_page, path):
    """Tab through the page: the focused element's surroundings look different from
    when it is not focused (WCAG 2.4.7), whether the indicator is on the element or
    on its card."""
    # Without smooth scrolling, the focused element is in view as soon as Tab returns.
    page = new_page("desktop", reduced_motion="reduce")
    page.goto(site + path)
    kinds_checked = set()
    for _ in range(40):
        page.keyboard.press("Tab")
        element = page.evaluate_handle("() => document.activeElement").as_element()
        if element is None or element.evaluate("el => el === document.body"):
            break  # focus left the document: every element has been visited
        box = element.bounding_box()
        if not box:
            continue
        kind, description = element.evaluate(KIND_AND_DESCRIPTION)
        if kind in kinds_checked:
            continue  # styled like one already checked (the fifth footer link…)
        kinds_checked.add(kind)
        clip = region_around(box, page)
        assert clip["width"] > 0 and clip["height"] > 0, f"focus went off screen at {path} to {description}"
        with_focus = page.screenshot(clip=clip, animations="disabled")
        element.evaluate("el => el.blur()")  # Tab continues from here afterwards
        without_focus = page.screenshot(clip=clip, animations="disabled")
        assert with_focus != without_focus, f"no visible focus indicator at {path} on {description}"
    assert len(kinds_checked) >= 5, f"only {len(kinds_checked)} kinds of focusable element on {path}"
