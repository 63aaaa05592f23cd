"""The result counters (ResultCounter), filled from the protocol versions already stored: per district, unit and
nation, the sums of every question's current versions, so that an existing database reads the same result as
before. A version breaking a control relation is not counted (as domain.tally never counts one)."""

import django.db.models.deletion
from django.db import migrations, models

from atazan.referendum.domain.protocol import Protocol, protocol_violations
from atazan.referendum.domain.units import UNITS

SUMS = ("registered", "took_part", "yes", "no", "invalid", "not_counted")
BALLOTS = ("ballots_received", "ballots_issued", "ballots_unused")
SIGNATURES = {"valid": "signed_valid", "invalid": "signed_invalid", "unsigned": "unsigned"}


def fill(apps, schema_editor):  # type: ignore[no-untyped-def]
    question_model = apps.get_model("referendum", "Question")
    version_model = apps.get_model("referendum", "ProtocolVersion")
    counter_model = apps.get_model("referendum", "ResultCounter")
    codes = {u.code for u in UNITS}
    for question_id in question_model.objects.values_list("pk", flat=True):
        rows = version_model.objects.filter(question_id=question_id, is_current=True).values_list(
            "precinct__unit_id",
            "precinct__unit__code",
            "precinct__district_id",
            "precinct__district__name",
            "precinct__number",
            "precinct__abroad",
            "signature_status",
            *SUMS,
            *BALLOTS,
        )
        sums: dict[tuple[str, int | None, int | None], dict[str, int]] = {("nation", None, None): {}}
        for unit, code, district, name, number, abroad, status, *figures in rows.iterator(chunk_size=5000):
            protocol = Protocol(number, code, name or "", *figures, abroad=abroad)
            counted = code in codes and not protocol_violations(protocol)
            add = (
                {"precincts": 1, **dict(zip(SUMS, figures[: len(SUMS)], strict=True))} if counted else {"uncounted": 1}
            )
            if status in SIGNATURES:
                add[SIGNATURES[status]] = 1
            for key in (("nation", None, None), ("unit", unit, None), ("district", unit, district)):
                row = sums.setdefault(key, {})
                for column, value in add.items():
                    row[column] = row.get(column, 0) + value
        counter_model.objects.bulk_create(
            [
                counter_model(question_id=question_id, level=level, unit_id=unit, district_id=district, **values)
                for (level, unit, district), values in sums.items()
            ],
            batch_size=500,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("referendum", "0004_precinct_register_and_message_templates"),
    ]

    operations = [
        migrations.CreateModel(
            name="ResultCounter",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "level",
                    models.CharField(
                        choices=[("nation", "Nation"), ("unit", "Unit"), ("district", "District")], max_length=10
                    ),
                ),
                ("registered", models.BigIntegerField(default=0)),
                ("took_part", models.BigIntegerField(default=0)),
                ("yes", models.BigIntegerField(default=0)),
                ("no", models.BigIntegerField(default=0)),
                ("invalid", models.BigIntegerField(default=0)),
                ("not_counted", models.BigIntegerField(default=0)),
                ("precincts", models.BigIntegerField(default=0)),
                ("uncounted", models.BigIntegerField(default=0)),
                ("signed_valid", models.BigIntegerField(default=0)),
                ("signed_invalid", models.BigIntegerField(default=0)),
                ("unsigned", models.BigIntegerField(default=0)),
                (
                    "changes",
                    models.BigIntegerField(default=0, help_text="How many times the row was changed (a data version)."),
                ),
                ("updated_at", models.DateTimeField(blank=True, null=True)),
                (
                    "district",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="referendum.district",
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="counters", to="referendum.question"
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="referendum.unit",
                    ),
                ),
            ],
            options={
                "ordering": ["question_id", "id"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("level", "nation")), fields=("question",), name="referendum_counter_nation"
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("level", "unit")),
                        fields=("question", "unit"),
                        name="referendum_counter_unit",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("district__isnull", False), ("level", "district")),
                        fields=("question", "unit", "district"),
                        name="referendum_counter_district",
                    ),
                    models.UniqueConstraint(
                        condition=models.Q(("district__isnull", True), ("level", "district")),
                        fields=("question", "unit"),
                        name="referendum_counter_no_district",
                    ),
                ],
            },
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
