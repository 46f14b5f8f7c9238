import datetime

from django.core.management.base import BaseCommand

from enquiries import services


class Command(BaseCommand):
    help = (
        "Send the enquiry emails (staff notification, acknowledgement) that failed earlier. "
        "Run it every few minutes from cron or a scheduler."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--min-age",
            type=int,
            default=5,
            help="Leave enquiries younger than this many minutes to the request that stored them (default 5).",
        )
        parser.add_argument(
            "--max-attempts", type=int, default=20, help="Give up on an enquiry after this many attempts (default 20)."
        )

    def handle(self, *args, min_age, max_attempts, **options):
        sent, failed = services.enquiries_retry_emails(
            older_than=datetime.timedelta(minutes=min_age), max_attempts=max_attempts
        )
        self.stdout.write(f"Enquiries with emails now sent: {sent}; still failing: {failed}.")
        if failed:
            self.stderr.write("Some emails could not be sent; see the log and the enquiries' email section.")
