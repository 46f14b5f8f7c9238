"""Validators shared by the apps."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import Q

MIN_YEAR, MAX_YEAR = 1900, 2100
year_validators = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]


def year_in_range(field):
    """A CheckConstraint condition: the year column is empty or 1900–2100."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": MIN_YEAR, f"{field}__lte": MAX_YEAR})
