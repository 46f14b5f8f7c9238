from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def test_school_list_shows_source_page_schools(client, demo_content):
    response = client.get("/schools/")
    assert response.status_code == HTTPStatus.OK
    assert "The Fernwood School" in response.content.decode()


def test_school_page_shows_partner_and_activities(client, demo_content):
    response = client.get("/schools/the-fernwood-school/")
    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Mandarin" in body
    assert "Ningbo sister school" in body


def test_unknown_school_is_404(client, demo_content):
    assert client.get("/schools/no-such-school/").status_code == HTTPStatus.NOT_FOUND
