# Lengths of the consultation's text columns checked by the database on both engines (SQLite does not enforce
# varchar(n)); the code of the rule an imported row broke kept with it.

from django.db import migrations, models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

BOUNDS = {
    "attachment": {"name": 200},
    "importrejection": {"source": 200, "rule": 300},
    "proposal": {
        "registration_number": 40, "applicant_surname": 100, "applicant_name": 100, "applicant_patronymic": 100,
        "applicant_address": 300, "applicant_phone": 40, "region": 40, "text": 20000, "answer": 20000,
        "moderation_note": 300, "duplicate_group": 40,
    },
}  # fmt: skip
PREFIX = {"attachment": "cons_attachment", "importrejection": "cons_rejection", "proposal": "cons_proposal"}


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0008_proposal_text_trigram_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="importrejection",
            name="code",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AlterField(
            model_name="proposal",
            name="answer",
            field=models.TextField(blank=True, max_length=20000),
        ),
        migrations.AlterField(
            model_name="proposal",
            name="text",
            field=models.TextField(max_length=20000),
        ),
        *[
            migrations.AddConstraint(
                model_name=model,
                constraint=models.CheckConstraint(
                    condition=LessThanOrEqual(Length(field), limit), name=f"{PREFIX[model]}_{field}_len"
                ),
            )
            for model, fields in BOUNDS.items()
            for field, limit in fields.items()
        ],
    ]
