"""The privacy notice: staff-editable copy (the "privacy" Page, both languages) with the
organisation's details and the retention period filled in, and the deploy check that warns
while the notice is missing or still marked "[to confirm]"."""

from django.conf import settings
from django.core import checks
from django.db import DatabaseError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from partnerships.default_pages import PRIVACY, TO_CONFIRM_MARKERS
from partnerships.models import Page
from tep_portal.organisation import current_organisation

SLUG = PRIVACY["slug"]
# The organisation record's fields a notice may name as {placeholder}.
ORGANISATION_PLACEHOLDERS = ("legal_name", "company_number", "ico_number")


def placeholders(organisation):
    """What each {placeholder} of the notice's text becomes; "[to confirm]" for a missing detail."""
    to_confirm = _("[to confirm]")
    values = {name: getattr(organisation, name) or to_confirm for name in ORGANISATION_PLACEHOLDERS}
    values["address"] = ", ".join(organisation.address_lines) or to_confirm
    email = organisation.contact_email
    values["email"] = format_html('<a href="mailto:{0}">{0}</a>', email) if email else to_confirm
    values["retention_months"] = settings.ENQUIRY_RETENTION_MONTHS
    return values


def has_to_confirm_marker(text):
    return any(marker in (text or "") for marker in TO_CONFIRM_MARKERS)


class PrivacyView(TemplateView):
    template_name = "enquiries/privacy.html"

    def get_context_data(self, **kwargs):
        page = Page.objects.filter(slug=SLUG).first()
        organisation = current_organisation()
        return super().get_context_data(
            page=page,
            page_title=page.title if page else _("Privacy notice"),
            placeholders=placeholders(organisation),
            is_draft=page is None or has_to_confirm_marker(page.body),
            # The context processor's lazy record is this one: no second query for the footer.
            organisation=organisation,
            **kwargs,
        )


@checks.register(checks.Tags.compatibility, deploy=True)
def privacy_notice_check(app_configs=None, **kwargs):
    """`manage.py check --deploy`: the privacy notice exists in both languages and nothing in it
    is still marked "[to confirm]". Silent on a database not migrated yet."""
    fields = [f"{name}_{code.replace('-', '_')}" for name in ("title", "body") for code, _n in settings.LANGUAGES]
    try:
        page = Page.objects.filter(slug=SLUG).values(*fields).first()
    except DatabaseError:
        return []  # not migrated yet (make serve checks before it migrates)
    if page is None or not all(page[field] for field in fields if field.startswith("body")):
        return [
            checks.Warning(
                "The privacy notice is missing or empty in a language.",
                hint='Write it under Admin › Partnerships › Pages, slug "privacy", in English and Chinese.',
                id="enquiries.W012",
            )
        ]
    marked = [field for field in fields if has_to_confirm_marker(page[field])]
    if marked:
        return [
            checks.Warning(
                "The privacy notice still has text marked [to confirm] (" + ", ".join(marked) + ").",
                hint='Confirm those details and edit the "privacy" page in the admin.',
                id="enquiries.W013",
            )
        ]
    return []
