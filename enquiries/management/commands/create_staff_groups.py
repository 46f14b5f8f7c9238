from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand

from enquiries.models import EnquiryNote, EnquiryStatusChange, PartnershipEnquiry

CONTENT_EDITORS = "Content editors"
ENQUIRY_REVIEWERS = "Enquiry reviewers"


def content_models():
    """Every model staff edit as site content: those of the content apps (settings.CONTENT_APPS)."""
    return [model for label in settings.CONTENT_APPS for model in apps.get_app_config(label).get_models()]


def permissions(model, *actions):
    content_type = ContentType.objects.get_for_model(model)
    codenames = [f"{action}_{model._meta.model_name}" for action in actions]
    return list(Permission.objects.filter(content_type=content_type, codename__in=codenames))


class Command(BaseCommand):
    help = (
        f'Create or update the staff groups "{CONTENT_EDITORS}" (all site content, no enquiries) and '
        f'"{ENQUIRY_REVIEWERS}" (view and review enquiries, add notes, export; no content, no deleting). '
        "Safe to run again: each group is reset to exactly these permissions."
    )

    def handle(self, *args, **options):
        editor_perms = [
            perm for model in content_models() for perm in permissions(model, "add", "change", "delete", "view")
        ]
        reviewer_perms = [
            *permissions(PartnershipEnquiry, "view", "change", "export"),
            *permissions(EnquiryNote, "view", "add"),
            *permissions(EnquiryStatusChange, "view"),
        ]
        for name, perms in ((CONTENT_EDITORS, editor_perms), (ENQUIRY_REVIEWERS, reviewer_perms)):
            group, created = Group.objects.get_or_create(name=name)
            group.permissions.set(perms)
            self.stdout.write(f"{'Created' if created else 'Updated'} {name!r} with {len(perms)} permissions.")
        self.stdout.write("Add staff to a group in the admin (Users): they also need “Staff status” to sign in.")
