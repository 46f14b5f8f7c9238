from django.core.management.base import BaseCommand, CommandError

from enquiries import services
from enquiries.models import PartnershipEnquiry


class Command(BaseCommand):
    help = "Delete every enquiry sent from one email address, with its notes and history (right to erasure)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--yes", action="store_true", help="Do it; without this only the count is shown.")

    def handle(self, *args, email, yes, **options):
        if "@" not in email:
            raise CommandError("Give the email address the enquiries were sent from.")
        if not yes:
            count = PartnershipEnquiry.objects.for_email(email).count()
            self.stdout.write(f"{count} enquiries would be deleted. Run again with --yes to delete them.")
            return
        count = services.personal_data_erase(email=email)
        self.stdout.write(f"{count} enquiries deleted.")
