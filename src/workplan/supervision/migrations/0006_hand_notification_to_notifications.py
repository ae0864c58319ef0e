# The Notification model moves to the notifications app with its rows: supervision renames its
# table to the name the new app gives it and forgets the model; notifications/0001 takes it up.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0005_extensionrequest_decision_reason"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="notification", table="notifications_notification"),
            ],
            state_operations=[
                migrations.DeleteModel(name="Notification"),
            ],
        ),
    ]
