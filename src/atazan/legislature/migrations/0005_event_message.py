# A bill event's note as the domain said it (issue 15): code, template and values, rendered per language.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("legislature", "0004_record_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="billevent",
            name="message",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
