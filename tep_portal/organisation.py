"""The organisation record on every page: its context processor, the contact page and the
deploy check that warns while details the law asks for are still missing.

Every page's footer and schema.org data read the record. It is kept in the shared cache per
content generation (fragment_cache.remember), so a render reads it from there; only the first
render after a content change, or any render with the page cache off, asks the database, with
one query. An edit of the record bumps the generation (tep_portal is in settings.CONTENT_APPS),
which empties the page cache and this copy at once. Lazy: a response rendering no template
asks nothing.
"""

from django.core import checks
from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from . import fragment_cache
from .models import Organisation
from .views import PublicPageMixin


def current_organisation():
    """The organisation record, from the shared cache while content is unchanged. During a
    database outage, the record's defaults (pages that need no database still open)."""
    try:
        return fragment_cache.remember("organisation", Organisation.objects.current)
    except DatabaseError:
        return Organisation.objects.none().current()


def organisation(request):
    """Template context processor: `organisation`, fetched on first use, once per render."""
    return {"organisation": SimpleLazyObject(current_organisation)}


class ContactView(PublicPageMixin, TemplateView):
    template_name = "tep_portal/contact.html"
    page_title = _("Contact us")
    meta_description = _("How to reach True Education Partnership: email, telephone, WeChat and address.")

    def get_breadcrumbs(self):
        return [(self.page_title, self.request.path)]


@checks.register(checks.Tags.compatibility, deploy=True)
def organisation_details_check(app_configs=None, **kwargs):
    """`manage.py check --deploy`: the registered name, company and ICO numbers, address and
    email must be filled in before launch (the privacy notice and footer show them). Silent
    on a database not migrated yet."""
    try:
        missing = Organisation.objects.current().missing_fields()
    except DatabaseError:
        return []  # not migrated yet (make serve checks before it migrates): nothing to say about the record
    if not missing:
        return []
    return [
        checks.Warning(
            "Organisation details still missing: " + ", ".join(missing) + ".",
            hint="Fill them in under Admin › TEP Portal › Organisation details before launch.",
            id="tep_portal.W001",
        )
    ]
