"""404 and 500 pages in the site's design; the 500 page needs no database."""

import re
from http import HTTPStatus

import pytest
from django.test import Client, RequestFactory

from partnerships.views import HomeView
from tep_portal.views import server_error


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/no-such-page/", "/partnerships/atlantis/", "/schools/x/", "/timeline/feed/x/"])
def test_not_found_page_is_in_the_site_design(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.NOT_FOUND
    body = response.content.decode()
    assert "<title>Page not found | True Education Partnership</title>" in body
    assert body.count("<h1") == 1
    assert 'class="site-header"' in body and 'class="site-footer"' in body
    assert '<meta name="robots" content="noindex">' in body
    assert 'href="/partnerships/"' in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/no-such-page/",
        "/partnerships/atlantis/",  # Http404 from the detail view: its section is Partnerships
        "/partnerships/?page=999",  # Http404 from the list view, which is the Partnerships item itself
        "/schools/?page=999",
        "/zh-hans/timeline/?page=999",
    ],
)
def test_not_found_page_marks_no_navigation_item_as_current(client, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.NOT_FOUND
    body = response.content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', body, re.DOTALL).group()
    # Chinese pages lead with the Chinese side's own way in (寻找英国合作伙伴).
    assert nav.count('class="site-nav__link"') == (8 if url.startswith("/zh-hans/") else 7)
    assert "aria-current" not in nav and "is-active" not in nav
    assert 'aria-current="page"' not in body  # nor a breadcrumb; the language switcher's "true" is the language


@pytest.mark.django_db
def test_not_found_in_chinese_is_in_chinese_layout(client):
    body = client.get("/zh-hans/no-such-page/").content.decode()
    assert '<html lang="zh-Hans">' in body


def test_server_error_page_renders_without_the_database():
    # No django_db mark: any query here would fail the test.
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert body.count("<h1") == 1
    assert 'class="site-header"' in body
    assert "/static/css/site.css" in body


@pytest.mark.django_db
def test_an_unexpected_error_shows_the_500_page(monkeypatch):
    def broken(self, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomeView, "get_context_data", broken)
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == HTTPStatus.INTERNAL_SERVER_ERROR
    body = response.content.decode()
    assert "Sorry, there is a problem with the service" in body
    assert "boom" not in body and "Traceback" not in body
