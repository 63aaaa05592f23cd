"""Schema: drop the column that held applicants' IINs in clear (0005 hashed them)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0005_hash_existing_applicant_iins"),
    ]

    operations = [
        migrations.RemoveField(model_name="proposal", name="applicant_iin"),
    ]
