from http import HTTPStatus

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_healthz_answers(client):
    response = client.get("/healthz/")
    assert response.status_code == HTTPStatus.OK
    assert response.json()["status"] == "ok"


def test_home_shows_featured_partnerships(client, demo_content):
    response = client.get("/")
    assert response.status_code == HTTPStatus.OK
    assert "Nottingham" in response.content.decode()
    assert reverse("partnerships:detail", args=["nottingham-ningbo"]) in response.content.decode()


def test_directory_lists_published_partnerships_only(client, demo_content):
    response = client.get("/partnerships/")
    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "Birmingham" in body
    assert "Dongying" not in body  # a draft, alphabetically on the first page if it were published


def test_nottingham_ningbo_page_tells_the_story(client, demo_content):
    response = client.get("/partnerships/nottingham-ningbo/")
    body = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "宁波" in body
    assert "Robin Hood" in body
    assert "Five Year Plan" in body


def test_draft_and_unknown_partnerships_are_404(client, demo_content):
    assert client.get("/partnerships/guildford-dongying/").status_code == HTTPStatus.NOT_FOUND
    assert client.get("/partnerships/atlantis-ningbo/").status_code == HTTPStatus.NOT_FOUND


def test_timeline_lists_published_events(client, demo_content):
    body = client.get("/timeline/").content.decode()
    assert "Robin Hood" in body
    assert "Sister City of the Year" not in body
