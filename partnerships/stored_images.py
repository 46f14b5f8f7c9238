"""Uploaded images leave storage with the record that used them.

When staff replace or clear an image, or delete its record, the file and its renditions are
deleted from storage (a disk or a bucket) once the transaction commits, so a rolled-back save
never loses a file a row still names. Uploads are stored under random names (tep_portal/images.py),
so no other row can share the file.

A version in the revision history keeps only the file's name: restoring a version whose image
was replaced since brings its text back without the image (the page then shows none), and the
image has to be uploaded again.
"""

import logging

from django.db import models, transaction
from django.db.models.signals import post_delete, post_init, post_save

from .renditions import delete_with_renditions

logger = logging.getLogger(__name__)


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _remember(sender, instance, **kwargs):
    # Only fields already loaded: reading a deferred one here would cost a query per row.
    instance._stored_files = {
        f.attname: instance.__dict__[f.attname] for f in _file_fields(sender) if f.attname in instance.__dict__
    }


def _name(value):
    return getattr(value, "name", value) or ""


def _delete_later(field, name):
    def delete():
        try:
            delete_with_renditions(field.storage, name)
        except Exception:  # storage unreachable: the record is saved; the file stays behind, logged
            logger.exception("Could not delete the replaced file %s", name)

    transaction.on_commit(delete)


def _saved(sender, instance, created, raw=False, **kwargs):
    if raw:  # fixtures
        return
    before = getattr(instance, "_stored_files", {})
    for field in _file_fields(sender):
        old, new = _name(before.get(field.attname)), _name(getattr(instance, field.attname))
        if old and old != new:
            _delete_later(field, old)
    _remember(sender, instance)


def _deleted(sender, instance, **kwargs):
    for field in _file_fields(sender):
        name = _name(instance.__dict__.get(field.attname))
        if name:
            _delete_later(field, name)


def clean_up_files_of(model):
    uid = f"stored-images:{model._meta.label}"
    post_init.connect(_remember, sender=model, dispatch_uid=f"{uid}:init")
    post_save.connect(_saved, sender=model, dispatch_uid=f"{uid}:save")
    post_delete.connect(_deleted, sender=model, dispatch_uid=f"{uid}:delete")
