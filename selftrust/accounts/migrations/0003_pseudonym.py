import uuid

from django.db import migrations, models


def give_everyone_a_pseudonym(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for user in User.objects.filter(pseudonym__isnull=True).only("pk"):
        user.pseudonym = uuid.uuid4()
        user.save(update_fields=["pseudonym"])


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_crisis_region")]

    operations = [
        # Added without a default first, so existing people each get their own value.
        migrations.AddField(
            model_name="user", name="pseudonym", field=models.UUIDField(null=True, editable=False)
        ),
        migrations.RunPython(give_everyone_a_pseudonym, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="user",
            name="pseudonym",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
