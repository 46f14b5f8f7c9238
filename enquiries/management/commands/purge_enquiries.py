from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from enquiries import services
from enquiries.models import PartnershipEnquiry


class Command(BaseCommand):
    help = (
        "Apply the retention period (UK GDPR storage limitation): anonymise closed enquiries "
        "(converted, declined, spam) closed more than ENQUIRY_RETENTION_MONTHS ago, or delete them with --delete. "
        "Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--months",
            type=int,
            default=None,
            help="Retention period in months (default: the ENQUIRY_RETENTION_MONTHS setting).",
        )
        parser.add_argument("--delete", action="store_true", help="Delete the enquiries instead of anonymising them.")
        parser.add_argument("--dry-run", action="store_true", help="Only say how many enquiries would be affected.")

    def handle(self, *args, months, delete, dry_run, **options):
        months = settings.ENQUIRY_RETENTION_MONTHS if months is None else months
        if months < 1:
            raise CommandError("The retention period must be at least one month.")
        if dry_run:
            cutoff = services.months_before(timezone.now(), months)
            expired = PartnershipEnquiry.objects.past_retention(cutoff, delete=delete)
            self.stdout.write(f"{expired.count()} closed enquiries older than {months} months would be affected.")
            return
        count = services.enquiries_purge(months=months, delete=delete)
        verb = "deleted" if delete else "anonymised"
        self.stdout.write(f"{count} closed enquiries older than {months} months {verb}.")
