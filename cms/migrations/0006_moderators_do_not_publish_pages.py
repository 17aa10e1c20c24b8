"""Forum moderators work the forum's queue; they do not edit or publish information pages.

Wagtail gives its default "Moderators" group page rights on the root page, which would let them
publish without the second editor's review ("Redactie: vier ogen"). Those rights are removed.
"""

from django.db import migrations


def remove_page_rights(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupPagePermission.objects.filter(group__name="Moderators").delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_opening_hours_midnight"), ("wagtailcore", "0002_initial_data")]

    operations = [migrations.RunPython(remove_page_rights, migrations.RunPython.noop)]
