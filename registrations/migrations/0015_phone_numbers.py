"""Phone numbers stored in international E.164 form ("+420601234567"), as the forms now store them. Numbers
stored before were "+", the country code and digits with spaces; each that is a valid number is rewritten,
anything else stays exactly as it was (the forms keep an unchanged old value)."""

import phonenumbers
from django.db import migrations


def to_e164(apps, schema_editor):
    Registration = apps.get_model("registrations", "Registration")
    for pk, phone in Registration.objects.exclude(phone="").values_list("pk", "phone").iterator():
        try:
            number = phonenumbers.parse(phone, None)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if e164 != phone:
                Registration.objects.filter(pk=pk).update(phone=e164)


class Migration(migrations.Migration):
    dependencies = [("registrations", "0014_messages_and_rules")]

    operations = [migrations.RunPython(to_e164, migrations.RunPython.noop, elidable=True)]
