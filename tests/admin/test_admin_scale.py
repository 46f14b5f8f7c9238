"""Issue 11, point 10: an admin that scales and never answers a 500.

- every changelist and change form runs the same number of queries with small and large data;
- crafted filter values give an empty list, the whole list or a 400, never a 500;
- every content add and change form saves with its optional fields left empty.
"""

import datetime
from http import HTTPStatus

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partnerships.models import Partnership, Quote, TimelineEvent
from schools.models import SisterSchoolLink
from tests.factories import (
    ChinesePlaceFactory,
    ChineseSchoolFactory,
    CouncilFactory,
    PartnershipEnquiryFactory,
    PartnershipFactory,
    SisterSchoolLinkFactory,
    TimelineEventFactory,
    UKSchoolFactory,
)
from tests.public_data import build_public_site

from .support import admin_url, submitted

pytestmark = pytest.mark.django_db

# Every admin with a list; the organisation details are one record whose list is its form
# (tests/test_organisation.py covers that page).
REGISTERED = sorted(
    (model for model in admin.site._registry if model._meta.label != "tep_portal.Organisation"),
    key=lambda model: model._meta.label,
)
CONTENT_MODELS = [model for model in REGISTERED if model._meta.app_label in {"partnerships", "schools"}]


def grow(partnerships, size):
    """More of everything, and more rows under the records whose change forms are measured."""
    first = partnerships[0]
    for n in range(size):
        partnership = PartnershipFactory()
        TimelineEventFactory(partnerships=[partnership, first], date=datetime.date(2001, 1, 1 + n % 28))
        school = UKSchoolFactory(council=partnership.council)
        SisterSchoolLinkFactory(uk_school=school, partnership=first)
        school.events.add(*first.events.all())
        Quote.objects.create(partnership=first, speaker=f"More {n}", text_en="Yes.")
        PartnershipEnquiryFactory()


def measure(client):
    counts = {}
    for model in REGISTERED:
        for view, args in (("changelist", ()), ("change", (model._default_manager.order_by("pk").first(),))):
            if view == "change" and args[0] is None:
                continue
            url = admin_url(model, view, *(obj.pk for obj in args))
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == HTTPStatus.OK, url
            counts[f"{model._meta.label} {view}"] = len(queries)
    return counts


def test_every_changelist_and_change_form_runs_fixed_queries(admin_client):
    partnerships = build_public_site(3)
    PartnershipEnquiryFactory()
    measure(admin_client)  # content types, permissions and site caches warm
    small = measure(admin_client)
    grow(partnerships, 12)
    large = measure(admin_client)
    grown = {page: (small[page], large[page]) for page in small if small[page] != large[page]}
    assert not grown, f"query counts that grow with the data (small, large): {grown}"
    # And none is extravagant.
    assert max(large.values()) <= 40, large


# Values a person (or a crawler) can put in an address: not digits, a digit that is not ASCII,
# a NUL, beyond every integer column, negative, an impossible date.
BAD_VALUES = ["abc", "²", "\x00", "99999999999", "9" * 30, "-1", "2024-13-45"]
GENERAL = [
    {"o": "999"},
    {"o": "abc.-x"},
    {"p": "abc"},
    {"p": "99999999999"},
    {"p": "-1"},
    {"q": "\x00"},
    {"q": "%"},
    {"_facets": "1"},
    {"nosuchfield__exact": "1"},
    {"e": "1"},
]


def crafted_queries(model_admin, request):
    changelist = model_admin.get_changelist_instance(request)
    names = {name for spec in changelist.filter_specs for name in spec.expected_parameters()}
    names |= {"id__exact", "pk"}
    queries = [{name: value} for name in sorted(names) for value in BAD_VALUES]
    if model_admin.date_hierarchy:
        field = model_admin.date_hierarchy
        queries += [
            {f"{field}__year": "99999999999"},
            {f"{field}__year": "0"},
            {f"{field}__year": "2020", f"{field}__month": "13"},
            {f"{field}__year": "2020", f"{field}__month": "2", f"{field}__day": "31"},
            {f"{field}__year": "²"},
        ]
    return queries + GENERAL


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_crafted_filter_values_never_give_a_500(admin_client, model):
    PartnershipFactory()
    TimelineEventFactory()
    SisterSchoolLinkFactory()
    PartnershipEnquiryFactory()
    url = admin_url(model)
    request = admin_client.get(url).wsgi_request
    model_admin = admin.site._registry[model]
    for params in crafted_queries(model_admin, request):
        response = admin_client.get(url, params)  # an exception here fails the test, as a 500 would
        assert response.status_code in (HTTPStatus.OK, HTTPStatus.FOUND, HTTPStatus.BAD_REQUEST), params
        if response.status_code == HTTPStatus.FOUND:
            assert response.url.endswith("?e=1"), params  # Django's "invalid filter" page, not elsewhere
        if response.status_code == HTTPStatus.BAD_REQUEST:
            assert "This list cannot be shown" in response.content.decode(), params


@pytest.mark.parametrize("query", ["status__exact=%00", "q=%00"])
def test_an_action_posted_with_a_nul_byte_in_the_address_gets_a_400(admin_client, query):
    """An action posts to the list's address, filters included, and the list is built from them
    (issue 12 point 9: PostgreSQL refuses the NUL, which was a 500)."""
    partnership = PartnershipFactory()
    data = {"action": "delete_selected", "_selected_action": [str(partnership.pk)]}
    response = admin_client.post(f"{admin_url(Partnership)}?{query}", data)
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert "This list cannot be shown" in response.content.decode()
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_the_issue_examples(admin_client):
    TimelineEventFactory()
    events = admin_url(TimelineEvent)
    assert admin_client.get(events, {"date__year": "99999999999"}).status_code == HTTPStatus.BAD_REQUEST
    response = admin_client.get(events, {"partnerships__id__exact": "abc"})
    assert response.status_code == HTTPStatus.OK and response.context["cl"].result_count == 0
    assert admin_client.get(events, {"o": "999"}).status_code == HTTPStatus.OK
    enquiries = admin_url(PartnershipEnquiryFactory._meta.model)
    assert admin_client.get(enquiries, {"status": "\x00"}).status_code == HTTPStatus.BAD_REQUEST
    assert admin_client.get(enquiries, {"owner": "²"}).status_code in (HTTPStatus.OK, HTTPStatus.BAD_REQUEST)


# Optional fields left empty -----------------------------------------------------------------


def one_of_each():
    partnership = PartnershipFactory(is_published=False)
    event = TimelineEventFactory(partnerships=[partnership])
    link = SisterSchoolLinkFactory(partnership=partnership)
    link.uk_school.events.add(event)
    Quote.objects.create(partnership=partnership, speaker="A speaker", text_en="Words.")
    build_public_site(1)


# Add forms need values that are unique to the new record.
UNIQUE_FOR_ADD = {
    "partnerships.Council": lambda: {"slug": "new-council"},
    "partnerships.ChinesePlace": lambda: {"slug": "new-place"},
    "partnerships.Area": lambda: {"slug": "new-area"},
    "partnerships.Page": lambda: {"slug": "new-page"},
    "partnerships.Partnership": lambda: {
        "council": str(CouncilFactory().pk),
        "chinese_place": str(ChinesePlaceFactory().pk),
    },
    "schools.UKSchool": lambda: {"slug": "new-school"},
    "schools.SisterSchoolLink": lambda: {
        "uk_school": str(UKSchoolFactory().pk),
        "chinese_school": str(ChineseSchoolFactory().pk),
    },
}


def without_optional_fields(client, model, url):
    """The form at `url` as submitted with every optional field of the record itself left empty."""
    data = submitted(client, model, url)
    form = client.get(url).context["adminform"].form
    for name, field in form.fields.items():
        if not field.required:
            data.pop(name, None)  # an empty text box, an unticked box, no selection
    return data


def saved(response):
    if response.status_code == HTTPStatus.FOUND:
        return True
    context = response.context
    errors = {"form": context["adminform"].form.errors} if context and "adminform" in context else {}
    if context and "inline_admin_formsets" in context:
        errors["inlines"] = [formset.formset.errors for formset in context["inline_admin_formsets"]]
    raise AssertionError(f"not saved ({response.status_code}): {errors}")


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model._meta.label)
def test_change_form_saves_with_optional_fields_empty(admin_client, model):
    one_of_each()
    obj = model._default_manager.order_by("pk").first()
    url = admin_url(model, "change", obj.pk)
    before = model._default_manager.count()
    assert saved(admin_client.post(url, without_optional_fields(admin_client, model, url)))
    assert model._default_manager.count() == before


@pytest.mark.parametrize("model", CONTENT_MODELS, ids=lambda model: model._meta.label)
def test_add_form_saves_with_optional_fields_empty(admin_client, model):
    one_of_each()
    template = model._default_manager.order_by("pk").first()
    data = without_optional_fields(admin_client, model, admin_url(model, "change", template.pk))
    # Only the record itself: its inlines start empty on an add form.
    data = {
        name: value
        for name, value in data.items()
        if "-" not in name or name.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS"))
    }
    for name in list(data):
        if name.endswith(("-TOTAL_FORMS", "-INITIAL_FORMS")):
            data[name] = "0"
    if model is TimelineEvent:  # an event needs one partnership
        data.update(
            {
                "partnership_links-TOTAL_FORMS": "1",
                "partnership_links-0-partnership": str(Partnership.objects.first().pk),
            }
        )
    data.update(UNIQUE_FOR_ADD.get(model._meta.label, dict)())
    before = model._default_manager.count()
    assert saved(admin_client.post(admin_url(model, "add"), data))
    assert model._default_manager.count() == before + 1


def test_school_link_inline_on_the_partnership_saves_with_optional_fields_empty(admin_client):
    partnership = PartnershipFactory()
    url = admin_url(Partnership, "change", partnership.pk)
    data = submitted(admin_client, Partnership, url)
    data.update(
        {
            "school_links-TOTAL_FORMS": "1",
            "school_links-0-uk_school": str(UKSchoolFactory().pk),
            "school_links-0-chinese_school": str(ChineseSchoolFactory().pk),
        }
    )
    assert saved(admin_client.post(url, data))
    assert SisterSchoolLink.objects.get(partnership=partnership).activities == ""
