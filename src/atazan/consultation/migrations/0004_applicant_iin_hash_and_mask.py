"""Schema: room for the applicant's IIN as a keyed hash and a masked form (the clear column goes in 0006)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0003_campaign_links"),
    ]

    operations = [
        migrations.AddField(
            model_name="proposal",
            name="applicant_iin_hash",
            field=models.CharField(blank=True, db_index=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="proposal",
            name="applicant_iin_masked",
            field=models.CharField(blank=True, editable=False, max_length=12),
        ),
    ]
