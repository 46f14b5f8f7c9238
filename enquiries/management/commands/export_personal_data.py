import json

from django.core.management.base import BaseCommand
from django.core.serializers.json import DjangoJSONEncoder

from enquiries import services


class Command(BaseCommand):
    help = (
        "Print, as JSON, everything held about one email address (enquiries, status history, notes), "
        "to answer a subject access request."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, email, output, **options):
        data = services.personal_data_export(email=email)
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
            self.stderr.write(f"{len(data['enquiries'])} enquiries written to {output}.")
        else:
            self.stdout.write(text)
