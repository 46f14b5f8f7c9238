"""The schools models kept in the revision history, a UK school with its sister-school links."""

from tep_portal.admin_history import register

from .models import ChineseSchool, SisterSchoolLink, UKSchool


def register_models():
    register(UKSchool, follow=["links"])
    register(ChineseSchool)
    register(SisterSchoolLink)
