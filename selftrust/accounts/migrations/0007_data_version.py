from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_therapist_role"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="data_version",
            field=models.PositiveBigIntegerField(default=0),
        ),
    ]
