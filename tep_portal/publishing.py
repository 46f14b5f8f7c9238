"""Publishing: what every public model shares. A record reaches visitors only through its
QuerySet's published(); no view, template or sitemap spells the rule out again."""

from django.db import models


class PublishableQuerySet(models.QuerySet):
    """For models with an `is_published` flag. Models whose rule also depends on what they
    belong to (a sister-school link needs its UK school published) override published()."""

    def published(self):
        return self.filter(is_published=True)
