"""Issue 11 (one-screen editing, rich text).

1. The event–partnership relation gets a model of its own (EventPartnership) on the table Django
   made for it, so the partnership's admin page lists its events with readable labels. State
   only: the table, its columns and constraints stay as they are (Django's documented way to
   give a ManyToManyField a through model).
2. The story, an area's introduction and a page's body hold rich text (tep_portal/rich_text.py):
   the plain text they held (blank lines between paragraphs, "## " before a subheading) becomes
   sanitised HTML; reversing turns it back into that plain text.
"""

import django.db.models.deletion
from django.db import migrations, models

from tep_portal.rich_text import html_to_plain, to_html

RICH_TEXT = {
    "partnership": ["body", "body_en", "body_zh_hans"],
    "area": ["introduction", "introduction_en", "introduction_zh_hans"],
    "page": ["body", "body_en", "body_zh_hans"],
}


def convert(apps, convert_text):
    for model_name, fields in RICH_TEXT.items():
        model = apps.get_model("partnerships", model_name)
        changed = []
        for row in model.objects.only("pk", *fields).iterator(chunk_size=500):
            before = [getattr(row, name) for name in fields]
            for name, value in zip(fields, before, strict=True):
                if value:
                    setattr(row, name, convert_text(value))
            if [getattr(row, name) for name in fields] != before:
                changed.append(row)
        model.objects.bulk_update(changed, fields, batch_size=500)


def plain_to_html(apps, schema_editor):
    convert(apps, to_html)


def html_to_plain_text(apps, schema_editor):
    convert(apps, html_to_plain)


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0008_new_content_starts_as_draft"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EventPartnership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        (
                            "partnership",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="event_links",
                                to="partnerships.partnership",
                                verbose_name="partnership",
                            ),
                        ),
                        (
                            "timelineevent",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="partnership_links",
                                to="partnerships.timelineevent",
                                verbose_name="timeline event",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "event of a partnership",
                        "verbose_name_plural": "events of a partnership",
                        "db_table": "partnerships_timelineevent_partnerships",
                        "unique_together": {("timelineevent", "partnership")},
                    },
                ),
                migrations.AlterField(
                    model_name="timelineevent",
                    name="partnerships",
                    field=models.ManyToManyField(
                        related_name="events",
                        through="partnerships.EventPartnership",
                        to="partnerships.partnership",
                        verbose_name="partnerships",
                    ),
                ),
            ],
        ),
        migrations.AlterField(
            model_name="area",
            name="introduction",
            field=models.TextField(
                blank=True,
                help_text="Shown on the pages of the partnerships in this area.",
                verbose_name="introduction",
            ),
        ),
        migrations.AlterField(
            model_name="area",
            name="introduction_en",
            field=models.TextField(
                blank=True,
                help_text="Shown on the pages of the partnerships in this area.",
                null=True,
                verbose_name="introduction",
            ),
        ),
        migrations.AlterField(
            model_name="area",
            name="introduction_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="Shown on the pages of the partnerships in this area.",
                null=True,
                verbose_name="introduction",
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="body",
            field=models.TextField(
                blank=True, help_text="Subheadings, paragraphs, lists and links.", verbose_name="body"
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="body_en",
            field=models.TextField(
                blank=True, help_text="Subheadings, paragraphs, lists and links.", null=True, verbose_name="body"
            ),
        ),
        migrations.AlterField(
            model_name="page",
            name="body_zh_hans",
            field=models.TextField(
                blank=True, help_text="Subheadings, paragraphs, lists and links.", null=True, verbose_name="body"
            ),
        ),
        migrations.AlterField(
            model_name="partnership",
            name="body",
            field=models.TextField(
                blank=True, help_text="The full story: subheadings, paragraphs, lists and links.", verbose_name="story"
            ),
        ),
        migrations.AlterField(
            model_name="partnership",
            name="body_en",
            field=models.TextField(
                blank=True,
                help_text="The full story: subheadings, paragraphs, lists and links.",
                null=True,
                verbose_name="story",
            ),
        ),
        migrations.AlterField(
            model_name="partnership",
            name="body_zh_hans",
            field=models.TextField(
                blank=True,
                help_text="The full story: subheadings, paragraphs, lists and links.",
                null=True,
                verbose_name="story",
            ),
        ),
        migrations.RunPython(plain_to_html, html_to_plain_text),
    ]
