"""Issue 11 (one-screen editing, rich text).

1. The event–partnership relation gets a model of its own (EventPartnership) on the table Django
   made for it, so the partnership's admin page lists its events with readable labels. State
   only: the table, its columns and constraints stay as they are (Django's documented way to
   give a ManyToManyField a through model).
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0007_move_out_enquiries_demo_and_event_schools"),
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
    ]
