"""The register form is never in the page cache: its blank form is shared (per language and
content generation) and every visitor gets their own CSRF and form tokens."""

import pytest
from django.conf import settings
from django.test import Client
from django.test.signals import template_rendered

from enquiries.models import PartnershipEnquiry
from partnerships.models import Partnership
from tests.enquiries.support import VALID_ANSWERS
from tests.html_forms import form_data

from .support import text


@pytest.mark.parametrize(
    "path", ["/register/", "/zh-hans/register/", "/register/uk-partner/", "/zh-hans/register/uk-partner/"]
)
def test_the_register_form_is_never_cached(client, path):
    for _ in range(2):
        response = client.get(path)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response.cookies[settings.CSRF_COOKIE_NAME].value  # each visitor gets their own CSRF token


def test_the_blank_register_form_is_shared_but_every_visitor_gets_their_own_tokens(django_assert_num_queries, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the test fills the form in at once
    partnership = Partnership.objects.published().first()
    path = f"/register/?partnership={partnership.slug}"
    visitors = [Client(enforce_csrf_checks=True) for _ in range(3)]
    form_renders = []
    template_rendered.connect(record := lambda sender, template, **kwargs: form_renders.append(template.name))
    try:
        visitors[0].get(path)  # rendered here, with holes for the tokens, and shared
        pages = []
        for visitor in visitors[1:]:
            # None: the shared page exists only while the partnership it names is published.
            with django_assert_num_queries(0):
                response = visitor.get(path)
            assert "no-store" in response["Cache-Control"]
            pages.append(response.content.decode())
    finally:
        template_rendered.disconnect(record)
    assert form_renders.count("enquiries/form.html") == 1
    assert "X-Page-Cache" not in response  # not the page cache's: it carries the visitor's tokens
    assert "tep-hole" not in pages[0] + pages[1]
    assert f"My enquiry is about {partnership}" in pages[0]
    first, second = (form_data(page) for page in pages)
    assert first["csrfmiddlewaretoken"] != second["csrfmiddlewaretoken"]
    assert first["form_token"] != second["form_token"]
    # Each visitor's page sends with their own cookie: two enquiries, each stored once.
    for visitor, data in zip(visitors[1:], (first, second), strict=True):
        response = visitor.post("/register/", {**data, **VALID_ANSWERS})
        assert response.status_code == 302, response.context["form"].errors
    assert PartnershipEnquiry.objects.filter(partnership=partnership).count() == 2


def test_the_chinese_side_s_form_is_shared_apart_from_the_uk_one(client, django_assert_num_queries):
    """/register/uk-partner/ is rendered once per language and shared like /register/, under its own
    key: neither side's visitors get the other's form."""
    form_renders = []
    template_rendered.connect(record := lambda sender, template, **kwargs: form_renders.append(template.name))
    try:
        for path in ("/register/", "/register/uk-partner/", "/zh-hans/register/uk-partner/"):
            client.get(path)
        with django_assert_num_queries(0):
            pages = {path: text(Client().get(path)) for path in ("/register/", "/register/uk-partner/")}
            chinese = text(Client().get("/zh-hans/register/uk-partner/"))
    finally:
        template_rendered.disconnect(record)
    assert form_renders.count("enquiries/form_uk_partner.html") == 2  # once per language, then shared
    assert form_renders.count("enquiries/form.html") == 3  # the UK page, and the one each Chinese-side page extends
    assert (
        'name="china_province"' in pages["/register/uk-partner/"]
        and 'name="region"' not in pages["/register/uk-partner/"]
    )
    assert 'name="region"' in pages["/register/"] and 'name="china_province"' not in pages["/register/"]
    assert "中国城市和学校：寻找英国合作伙伴" in chinese and "tep-hole" not in chinese
    first, second = form_data(pages["/register/uk-partner/"]), form_data(chinese)
    assert first["form_token"] != second["form_token"]


def test_the_register_form_is_shared_only_at_its_own_addresses(client):
    """A made-up query string (echoed in the language switcher's link) is never shared with others,
    and a marker written into it cannot open a hole."""
    path = "/register/?x=%3C!--tep-hole:csrf_input:0--%3E"
    first = client.get(path).content.decode()
    data = form_data(first)
    assert first.count(data["csrfmiddlewaretoken"]) == 1
    assert first.count(data["form_token"]) == 1
    assert "?x=" not in client.get("/register/").content.decode()  # the blank page at its own address


def test_the_shared_register_form_follows_content_edits_and_languages(client):
    partnership = Partnership.objects.published().first()
    path = f"/register/?partnership={partnership.slug}"
    assert f"My enquiry is about {partnership}" in client.get(path).content.decode()
    partnership.council.name = "Renamed Borough Council"
    partnership.council.save()
    partnership.refresh_from_db()
    assert f"My enquiry is about {partnership}" in client.get(path).content.decode()
    assert "Renamed Borough Council" in str(partnership)
    chinese = client.get(f"/zh-hans{path}").content.decode()
    assert 'lang="zh-Hans"' in chinese and "登记合作意向" in chinese
    partnership.is_published = False
    partnership.save()
    assert 'name="partnership"' not in client.get(path).content.decode()


def test_the_shared_form_is_kept_apart_for_each_address(client, settings):
    """The form page holds absolute links (canonical, hreflang): each host and scheme has its own."""
    settings.ALLOWED_HOSTS = ["a.example", "b.example"]
    for path in ("/register/", "/register/uk-partner/"):
        assert f'href="http://a.example{path}"' in Client().get(path, HTTP_HOST="a.example").content.decode()
        other = Client().get(path, HTTP_HOST="b.example").content.decode()
        assert f'href="http://b.example{path}"' in other and "a.example" not in other
        secure = Client().get(path, HTTP_HOST="a.example", secure=True).content.decode()
        assert f'href="https://a.example{path}"' in secure
