import re

from django import forms
from django.core.validators import MaxLengthValidator

from selftrust.safety.models import SafetyPlan, TrustedPerson
from selftrust.safety.plan import SECTION_LIMIT, SECTIONS
from selftrust.text import validate_plain_text

# Digits with the usual separators; "+44 (0)20 7946 0000", "988", "116 123", "(555) 555-0100".
_PHONE = re.compile(r"^\+?[0-9(][0-9 ()./-]*$")


class SafetyPlanForm(forms.ModelForm):
    class Meta:
        model = SafetyPlan
        fields = [
            "warning_signs",
            "coping_on_my_own",
            "people_and_places",
            "company_people",
            "asking_for_help",
            "help_people",
            "professionals",
            "safer_surroundings",
            "reasons_for_living",
        ]
        widgets = {
            "company_people": forms.CheckboxSelectMultiple,
            "help_people": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        mine = TrustedPerson.objects.owned_by(user)
        for section in SECTIONS:
            field = self.fields[section.field]
            field.label = section.title
            field.max_length = SECTION_LIMIT
            field.widget = forms.Textarea(
                attrs={
                    "rows": 4,
                    "dir": "auto",
                    "maxlength": SECTION_LIMIT,
                    # The prompt and the example are drawn beside the box by the template.
                    "aria-describedby": f"{section.field}-prompt {section.field}-example",
                }
            )
            field.validators += [
                validate_plain_text,
                MaxLengthValidator(
                    SECTION_LIMIT,
                    message=f"Please keep each part to {SECTION_LIMIT} characters or fewer.",
                ),
            ]
        for name, label in (
            ("company_people", "People from my trusted list who help me feel better"),
            ("help_people", "People from my trusted list I can ask for help"),
        ):
            self.fields[name].queryset = mine
            self.fields[name].label = label
            self.fields[name].error_messages["invalid_choice"] = (
                "Please choose from the people on your trusted list."
            )
            self.fields[name].error_messages["invalid_pk_value"] = (
                "Please choose from the people on your trusted list."
            )

    def steps(self):
        """(section, its text field, its people field or None) in the plan's order."""
        return [
            (
                section,
                self[section.field],
                self[section.people_field] if section.people_field else None,
            )
            for section in SECTIONS
        ]


class TrustedPersonForm(forms.ModelForm):
    class Meta:
        model = TrustedPerson
        fields = ["name", "phone", "email", "good_for"]
        labels = {
            "name": "Name",
            "phone": "Phone number (optional)",
            "email": "Email (optional)",
            "good_for": "What they're good for (optional)",
        }
        help_texts = {
            "name": "However you think of them: a first name or a nickname is enough.",
            "phone": "For a call or a text, straight from this page.",
            "good_for": "“Good listener”, “will come over”, “makes me laugh”.",
        }
        error_messages = {
            "name": {
                "required": "Please add a name, so you know who this is.",
                "max_length": "Please keep the name to 80 characters or fewer.",
            },
            "phone": {"max_length": "That number is longer than phone numbers go."},
            "email": {
                "invalid": "That email address doesn't look complete — something like "
                "name@example.org.",
                "max_length": "That email address is too long.",
            },
            "good_for": {"max_length": "Please keep this to 200 characters or fewer."},
        }
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
            "email": forms.EmailInput(attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "good_for"):
            self.fields[name].validators.append(validate_plain_text)
            self.fields[name].widget.attrs.update({"dir": "auto", "autocomplete": "off"})

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = sum(c.isdigit() for c in phone)
        if phone and (not _PHONE.match(phone) or not 3 <= digits <= 17):
            raise forms.ValidationError(
                "That number doesn't look right. Digits, spaces and a leading + are fine."
            )
        return phone
