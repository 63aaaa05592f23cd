from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("commission", "0003_text_translations"),
    ]

    operations = [
        migrations.AddField(
            model_name="session",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.AddField(
            model_name="member",
            name="translations",
            field=models.JSONField(blank=True, default=dict),
        ),
    ]
