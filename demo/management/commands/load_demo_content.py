from django.core.management.base import BaseCommand

from demo.loader import load_demo_content


class Command(BaseCommand):
    help = "Load TEP's demo content. Safe to run again: it creates only what is missing."

    def handle(self, *args, **options):
        report = load_demo_content()
        if not report.total:
            self.stdout.write("Demo content already loaded: nothing to add.")
            return
        for name, count in sorted(report.created.items()):
            self.stdout.write(f"  {count:4d} {name}")
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {report.total} records created."))
