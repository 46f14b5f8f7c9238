"""Form pieces the content admins share."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname


class TranslatedErrorsMixin:
    """For admin ModelForms. A model's clean() names its translated fields by their base name (hero_image_alt), but the
    admin form has only the per-language fields (hero_image_alt_en, hero_image_alt_zh_hans), and
    Django raises ValueError for an error on a field the form lacks: a 500 that loses the page.

    The error goes to the default language's field (filling it satisfies the rule whatever the
    admin's language, since the other languages fall back to it), or above the form when the form
    has no such field either."""

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            placed = {}
            for name, messages in errors.error_dict.items():
                if name != NON_FIELD_ERRORS and name not in self.fields:
                    localized = build_localized_fieldname(name, DEFAULT_LANGUAGE)
                    name = localized if localized in self.fields else NON_FIELD_ERRORS
                placed.setdefault(name, []).extend(messages)
            errors = ValidationError(placed)
        super()._update_errors(errors)
