"""Fetching pages with Django's test client, and reading what a visitor sees."""

import re
from http import HTTPStatus


def get_response(client, url, status=HTTPStatus.OK, **headers):
    """GET `url`, asserting the status (the URL is named when it differs)."""
    response = client.get(url, headers=headers)
    assert response.status_code == status, url
    return response


def get_html(client, url, status=HTTPStatus.OK, **headers):
    return get_response(client, url, status, **headers).content.decode()


def text_of(html):
    """Visible text with tags removed and whitespace collapsed, for phrase checks."""
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    return re.sub(r" ([,.;:)])", r"\1", text)
