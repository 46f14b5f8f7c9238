"""The schools' part of the content editors' dashboard (tep_portal/dashboard.py)."""

from django.utils.translation import gettext as _

from tep_portal.dashboard import DRAFTS, MISSING_CHINESE, Section, content_items, drafts, missing_chinese

from .models import ChineseSchool, SisterSchoolLink, UKSchool


def school_section(request):
    items = []
    for model in (UKSchool, SisterSchoolLink):
        items += content_items(request, model, {DRAFTS: drafts(model), MISSING_CHINESE: missing_chinese(model)})
    items += content_items(request, ChineseSchool, {MISSING_CHINESE: missing_chinese(ChineseSchool)})
    # Only what is waiting.
    return Section(_("Schools waiting"), [item for item in items if item.count], position=30)
