"""The public form: what it shows, what it accepts and refuses, and how errors look."""

import re
from http import HTTPStatus

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from enquiries.choices import EnquiryStatus
from enquiries.models import PartnershipEnquiry
from tests.factories import PartnershipFactory

from .support import REGISTER_URL, THANKS_URL, answers, post_enquiry

pytestmark = pytest.mark.django_db


def tag(html, element_id):
    """The opening tag of the element with this id."""
    match = re.search(rf'<[a-z]+[^>]*\bid="{re.escape(element_id)}"[^>]*>', html)
    assert match, f"no element with id {element_id}"
    return match.group(0)


def test_form_page_has_labelled_fields_with_autocomplete_and_no_browser_validation(client):
    response = client.get(REGISTER_URL)
    html = response.content.decode()
    assert response.status_code == HTTPStatus.OK
    assert "<title>Register for a China Partnership |" in html
    assert re.search(r"<form[^>]*novalidate", html)
    assert not re.search(r"<(input|select|textarea)[^>]*\srequired[\s>=]", html)
    assert "maxlength" not in html
    expectations = {
        "id_organisation_name": 'autocomplete="organization"',
        "id_contact_name": 'autocomplete="name"',
        "id_job_title": 'autocomplete="organization-title"',
        "id_email": 'autocomplete="email"',
        "id_phone": 'autocomplete="tel"',
    }
    for element_id, attribute in expectations.items():
        assert attribute in tag(html, element_id)
        assert f'for="{element_id}"' in html
    assert 'type="email"' in tag(html, "id_email")
    assert 'type="tel"' in tag(html, "id_phone")
    assert 'aria-describedby="id_email_helptext"' in tag(html, "id_email")
    assert "aria-describedby" not in tag(html, "id_region")  # no help text: the model's note is for staff
    # Checkbox and radio groups are fieldsets with a legend.
    assert html.count("<legend") >= 5
    for value in ("sister-city", "sister-school", "delegation", "trade", "other"):
        assert f'value="{value}"' in html
    # The privacy box is unticked, links to the notice and sends exactly "yes".
    privacy = tag(html, "id_privacy_agreed")
    assert 'value="yes"' in privacy and "checked" not in privacy
    assertContains(response, f'href="{reverse("enquiries:privacy")}"')
    # Honeypot: hidden from people and assistive technology, skipped by Tab, never autofilled.
    trap = re.search(r'<div class="enquiry-form__trap" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap and 'name="website"' in trap
    assert re.search(r'<input type="hidden" name="form_token" value="[^"]{20,}"', html)


def test_form_page_is_not_cached(client):
    assert "no-store" in client.get(REGISTER_URL)["Cache-Control"]


def test_the_partnership_the_visitor_came_from_is_one_ticked_box(client, django_assert_max_num_queries):
    PartnershipFactory.create_batch(5)
    partnership = PartnershipFactory(slug="nottingham-ningbo")
    # The partnership, and the organisation record for the footer (shared from the cache when the page cache is on).
    with django_assert_max_num_queries(2):
        response = client.get(REGISTER_URL, {"partnership": partnership.slug})
    html = response.content.decode()
    box = tag(html, "id_partnership")
    assert 'type="checkbox"' in box and 'value="nottingham-ningbo"' in box and "checked" in box
    assertContains(response, f"My enquiry is about {partnership}")
    assert '<input type="hidden" name="came_from" value="nottingham-ningbo">' in html
    # No list of every partnership: the page weighs the same however many there are.
    assert "<select" not in html.split('id="div_id_partnership"')[1].split("</div>")[0]
    assert html.count('name="partnership"') == 1


def test_without_a_partnership_the_question_is_left_out(client):
    PartnershipFactory.create_batch(5)
    html = client.get(REGISTER_URL).content.decode()
    assert 'name="partnership"' not in html and 'name="came_from"' not in html


@pytest.mark.parametrize("slug", ["no-such-partnership", "draft-link", "<script>", "x" * 500, "nul\x00byte"])
def test_unknown_or_unpublished_partnership_in_query_string_is_ignored(client, slug):
    PartnershipFactory(slug="draft-link", is_published=False)
    response = client.get(REGISTER_URL, {"partnership": slug})
    assert response.status_code == HTTPStatus.OK
    assertNotContains(response, 'name="partnership"')
    assertNotContains(response, "<script>")


def test_unticking_the_partnership_box_sends_the_enquiry_without_it(client):
    PartnershipFactory(slug="liverpool-shanghai")
    # With another error, the page comes back with the box still there and still unticked.
    html = post_enquiry(client, partnership=None, came_from="liverpool-shanghai", email="bad").content.decode()
    box = tag(html, "id_partnership")
    assert 'value="liverpool-shanghai"' in box and "checked" not in box
    response = post_enquiry(client, partnership=None, came_from="liverpool-shanghai")
    assert response.status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.get().partnership is None


@pytest.mark.parametrize("value", ["nul\x00byte", "<script>alert(1)</script>", "slug with spaces"])
def test_a_value_that_is_no_slug_is_ignored_and_not_echoed(client, value):
    response = post_enquiry(client, partnership=value, came_from=value, email="bad")
    assertNotContains(response, 'name="partnership"')
    assert value not in response.content.decode() and "<script>alert" not in response.content.decode()
    assert post_enquiry(client, partnership=value, came_from=value).status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.get().partnership is None


def test_a_partnership_unpublished_while_the_form_was_open_is_explained(client):
    partnership = PartnershipFactory(slug="leeds-hangzhou")
    assertContains(client.get(REGISTER_URL, {"partnership": partnership.slug}), 'value="leeds-hangzhou"')
    partnership.is_published = False
    partnership.save()
    response = post_enquiry(client, partnership="leeds-hangzhou", came_from="leeds-hangzhou")
    assertContains(response, "That partnership is no longer listed. Untick the box", count=2)
    assertContains(response, "My enquiry is about the partnership whose page I came from")
    assert PartnershipEnquiry.objects.count() == 0
    response = post_enquiry(client, partnership=None, came_from="leeds-hangzhou")
    assert response.status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.get().partnership is None


def test_valid_enquiry_is_stored_and_redirects_to_thanks(client, django_capture_on_commit_callbacks):
    partnership = PartnershipFactory(slug="liverpool-shanghai")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_enquiry(client, partnership="liverpool-shanghai")
    assertRedirects(response, THANKS_URL, fetch_redirect_response=False)
    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.organisation_name == "Nottinghamshire County Council"
    assert enquiry.contact_name == "Siân O'Brien"
    assert enquiry.email == "sian.obrien@nottscc.example.org"
    assert enquiry.interests == ["sister-city", "delegation"]
    assert enquiry.partnership == partnership
    assert enquiry.status == EnquiryStatus.NEW
    assert enquiry.language == "en"
    assert enquiry.privacy_agreed_at is not None
    assert re.fullmatch(r"TEP-20\d\d-\d{4,}", enquiry.reference)
    thanks = client.get(THANKS_URL)
    assertContains(thanks, enquiry.reference)
    assertContains(thanks, "What happens next")


def test_chinese_page_stores_chinese_language(client):
    with translation.override("en"):  # the request switches the thread to Chinese; switch it back after
        client.post("/zh-hans/register/", answers(contact_name="王小明", organisation_name="宁波市第一中学"))
    enquiry = PartnershipEnquiry.objects.get()
    assert (enquiry.language, enquiry.contact_name, enquiry.organisation_name) == (
        "zh-hans",
        "王小明",
        "宁波市第一中学",
    )


GOOD_VALUES = [
    ("contact_name", "王小明"),
    ("contact_name", "Siân Llŷr"),
    ("contact_name", "Zoë O'Brien-Smith"),
    ("contact_name", "Nguyễn Thị Minh Khai"),
    ("organisation_name", "Ysgol Gyfun Gymraeg Glantaf"),
    ("organisation_name", "Ōtsuka & Partners Ltd."),
    ("organisation_name", "x" * 200),
    ("job_title", "Pennaeth / Head Teacher"),
    ("email", "first.last+tep@sub.example.co.uk"),
    ("email", "o'brien@example.org"),
    ("email", "name@例子.中国"),
    ("phone", ""),
    ("phone", "+44 (0)115 496 0000"),
    ("phone", "+86 574 8722 1234"),
    ("phone", "07700-900123"),
    ("phone", "＋８６ ５７４ ８７２２ １２３４"),
    ("region", "wales"),
    ("region", "outside-uk"),
    ("organisation_type", "university"),
    ("interests", ["other"]),
    ("interests", ["sister-city", "sister-school", "delegation", "trade", "other"]),
    ("partnership", ""),
    ("message", "Line one\nLine two\n\n\tIndented, with “quotes” and 中文."),
    ("message", "m" * 5000),
]


@pytest.mark.parametrize(("field", "value"), GOOD_VALUES, ids=lambda v: str(v)[:30])
def test_good_values_are_accepted(client, field, value):
    response = post_enquiry(client, **{field: value})
    assert response.status_code == HTTPStatus.FOUND, response.content.decode()[:3000]
    assert PartnershipEnquiry.objects.count() == 1


def test_full_width_phone_number_is_stored_in_ascii(client):
    post_enquiry(client, phone="＋８６ ５７４ ８７２２ １２３４")
    assert PartnershipEnquiry.objects.get().phone == "+86 574 8722 1234"


def test_email_domain_is_lower_cased_but_not_the_local_part(client):
    post_enquiry(client, email="Sian.OBrien@NottsCC.Example.ORG")
    assert PartnershipEnquiry.objects.get().email == "Sian.OBrien@nottscc.example.org"


BAD_VALUES = [
    ("organisation_name", None, "Enter the name of your organisation"),
    ("organisation_name", "   ", "Enter the name of your organisation"),
    ("organisation_name", "x" * 201, "Organisation name must be 200 characters or fewer"),
    ("organisation_name", "Council\r\nBcc: victim@example.org", "Enter this on one line"),
    ("organisation_name", "Evil\u202eCouncil", "Remove the hidden characters from this answer"),
    ("contact_name", None, "Enter your full name"),
    ("contact_name", "Alice\nSmith", "Enter this on one line"),
    ("contact_name", "Ali\x00ce", "Null characters are not allowed"),
    ("contact_name", "n" * 10_000, "Full name must be 120 characters or fewer"),
    ("job_title", "", "Enter your job title"),
    ("job_title", "Head\tTeacher", "Enter this on one line"),
    ("email", "", "Enter your email address"),
    ("email", "not-an-email", "Enter an email address in the correct format"),
    ("email", "alice@localhost", "Enter an email address in the correct format"),
    ("email", "alice@[127.0.0.1]", "Enter an email address in the correct format"),
    ("email", "alice@127.0.0.1", "Enter an email address in the correct format"),
    ("email", "a" * 65 + "@example.org", "Enter an email address in the correct format"),
    ("email", "alice@example.org\r\nBcc: victim@example.org", "without quotation marks or hidden characters"),
    ("email", "alice@example.org, bob@example.org", "Enter an email address in the correct format"),
    ("email", "a@" + "b" * 250 + ".org", "Email address must be 254 characters or fewer"),
    ("phone", "call me", "Enter a telephone number"),
    ("phone", "123", "Enter a telephone number"),
    ("phone", "1" * 16, "Enter a telephone number"),
    ("phone", "0115 496 0000 ext. 5", "Enter a telephone number"),
    ("phone", "0115+4960000", "Enter a telephone number"),
    ("phone", "0" * 33, "Telephone number must be 32 characters or fewer"),
    ("organisation_type", None, "Select the type of organisation"),
    ("organisation_type", "government", "Select the type of organisation from the list"),
    ("region", "", "Select where your organisation is based"),
    ("region", "atlantis", "Select a region"),
    ("interests", None, "Select what you are interested in"),
    ("interests", ["sister-city", "hack"], "Select only options from the list"),
    ("partnership", "no-such-partnership", "That partnership is no longer listed"),
    ("message", "", "Enter your message"),
    ("message", "m" * 5001, "Your message must be 5,000 characters or fewer"),
    ("message", "Hello\x1b[31m", "Remove the special characters from your message"),
    ("privacy_agreed", None, "Confirm that you have read the privacy notice"),
    ("privacy_agreed", "on", "Confirm that you have read the privacy notice"),
    ("privacy_agreed", "0", "Confirm that you have read the privacy notice"),
    ("privacy_agreed", "false", "Confirm that you have read the privacy notice"),
    ("privacy_agreed", "off", "Confirm that you have read the privacy notice"),
    ("privacy_agreed", "YES", "Confirm that you have read the privacy notice"),
]


@pytest.mark.parametrize(("field", "value", "message"), BAD_VALUES, ids=lambda v: repr(v)[:30])
def test_bad_values_are_refused_with_a_message_and_nothing_stored(client, field, value, message):
    response = post_enquiry(client, **{field: value})
    assert response.status_code == HTTPStatus.OK
    assertContains(response, message)
    assert PartnershipEnquiry.objects.count() == 0


def test_errors_follow_the_govuk_pattern(client):
    response = post_enquiry(client, email="not-an-email", interests=None, privacy_agreed="0")
    html = response.content.decode()
    assert re.search(r"<title>Error: Register for a China Partnership", html)
    summary = re.search(r'<div class="alert alert-danger error-summary".*?</div>', html, re.S).group(0)
    assert "There is a problem" in summary
    # Every error links to its field, in page order, with the same words as beside the field.
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert [target for target, _text in links] == ["id_email", "id_interests_0", "id_privacy_agreed"]
    for target, text in links:
        field = target.removesuffix("_0")
        assert html.count(text) == 2
        assert re.search(rf'id="{field}_error"[^>]*>\s*<(?:p|span)[^>]*><strong>{re.escape(text)}</strong>', html)
    email = tag(html, "id_email")
    assert 'aria-invalid="true"' in email
    assert 'aria-describedby="id_email_helptext id_email_error"' in email
    # The summary comes before the heading, at the top of the content.
    assert html.index("There is a problem") < html.index('<h1 id="page-heading"')


def test_every_answer_is_kept_after_an_error(client):
    partnership = PartnershipFactory(slug="leeds-hangzhou")
    response = post_enquiry(client, email="bad", partnership=partnership.slug)
    html = response.content.decode()
    assert 'value="Nottinghamshire County Council"' in html
    assert 'value="Siân O&#x27;Brien"' in html
    assert 'value="International Relations Officer"' in html
    assert 'value="bad"' in html
    assert 'value="0115 496 0000"' in html
    assert re.search(r'value="council"[^>]*checked', html)
    assert re.search(r'value="east-midlands" selected', html)
    assert re.search(r'value="sister-city"[^>]*checked', html)
    assert re.search(r'value="delegation"[^>]*checked', html)
    assert not re.search(r'value="trade"[^>]*checked', html)
    assert "checked" in tag(html, "id_partnership") and 'value="leeds-hangzhou"' in tag(html, "id_partnership")
    assert "We would like to renew our link with Zhejiang." in html
    assert re.search(r'id="id_privacy_agreed"[^>]*checked|checked[^>]*id="id_privacy_agreed"', html)


def test_markup_in_answers_is_escaped_on_the_page_and_stored_as_typed(client):
    response = post_enquiry(client, contact_name="<script>alert(1)</script>", email="bad")
    assertNotContains(response, "<script>alert(1)")
    assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")
    post_enquiry(client, contact_name="<script>alert(1)</script>", organisation_name="'); DROP TABLE x;--")
    enquiry = PartnershipEnquiry.objects.get()
    assert enquiry.contact_name == "<script>alert(1)</script>"
    assert enquiry.organisation_name == "'); DROP TABLE x;--"


def test_post_without_csrf_token_is_refused():
    response = Client(enforce_csrf_checks=True).post(REGISTER_URL, answers())
    assert response.status_code == HTTPStatus.FORBIDDEN
    assert PartnershipEnquiry.objects.count() == 0


def test_get_with_answers_in_the_url_stores_nothing(client):
    response = client.get(REGISTER_URL, answers())
    assert response.status_code == HTTPStatus.OK
    assert PartnershipEnquiry.objects.count() == 0


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_other_methods_are_not_allowed(client, method):
    assert getattr(client, method)(REGISTER_URL).status_code == HTTPStatus.METHOD_NOT_ALLOWED


@pytest.mark.parametrize(
    "content_type", ["application/json", "text/plain", "multipart/form-data; boundary=x"], ids=str.split
)
def test_odd_request_bodies_give_a_form_not_a_server_error(client, content_type):
    response = client.post(REGISTER_URL, data=b'{"email": "x"}\r\n--x', content_type=content_type)
    assert response.status_code < 500
    assert PartnershipEnquiry.objects.count() == 0
