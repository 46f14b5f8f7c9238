"""The organisation record on every page: its context processor, the contact page and the
deploy check that warns while details the law asks for are still missing.

Every page's footer and schema.org data read the record, so a page render asks the database
for it once (lazily: a response that renders no template asks nothing). Rendered pages live in
the page cache, which an edit of the record empties (tep_portal is in settings.CONTENT_APPS).
"""

from django.core import checks
from django.db import DatabaseError
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from .models import Organisation
from .views import PublicPageMixin


def organisation(request):
    """Template context processor: `organisation`, fetched on first use, once per render."""
    return {"organisation": SimpleLazyObject(Organisation.objects.current)}


class ContactView(PublicPageMixin, TemplateView):
    template_name = "tep_portal/contact.html"
    page_title = _("Contact us")
    meta_description = _("How to reach True Education Partnership: email, telephone, WeChat and address.")

    def get_breadcrumbs(self):
        return [(self.page_title, self.request.path)]


@checks.register(checks.Tags.compatibility, deploy=True)
def organisation_details_check(app_configs=None, **kwargs):
    """`manage.py check --deploy`: the registered name, company and ICO numbers, address and
    email must be filled in before launch (the privacy notice and footer show them)."""
    try:
        missing = Organisation.objects.current().missing_fields()
    except DatabaseError as exc:
        return [
            checks.Warning(
                f"Could not read the organisation details ({type(exc).__name__}): run `manage.py migrate`.",
                id="tep_portal.W002",
            )
        ]
    if not missing:
        return []
    return [
        checks.Warning(
            "Organisation details still missing: " + ", ".join(missing) + ".",
            hint="Fill them in under Admin › TEP Portal › Organisation details before launch.",
            id="tep_portal.W001",
        )
    ]
