"""Bookkeeping for the demo content (demo/loader.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SeedRecord(models.Model):
    """Remembers which demo-content record made which row, so loading it again
    neither duplicates rows nor undoes what staff changed or deleted."""

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "partnerships_seedrecord"  # made when this lived in partnerships; kept so no data moves
        verbose_name = _("demo content record")
        verbose_name_plural = _("demo content records")
        ordering = ["key"]

    def __str__(self):
        return self.key
