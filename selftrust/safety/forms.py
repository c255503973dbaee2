import re

from django import forms
from django.core.validators import MaxLengthValidator
from django.db import IntegrityError, transaction

from selftrust.safety.models import SafetyPlan, TrustedPerson
from selftrust.safety.plan import SECTION_LIMIT, SECTIONS
from selftrust.safety.regions import region_choices, region_for_code
from selftrust.text import validate_plain_text

# Digits with the usual separators; "+44 (0)20 7946 0000", "988", "116 123", "(555) 555-0100".
_PHONE = re.compile(r"^\+?[0-9(][0-9 ()./-]*$")


class PlanSectionField(forms.CharField):
    """A written part of the plan, with its line breaks as one "\n" each.

    A browser counts a line break as one character towards a textarea's maxlength but sends
    it as "\r\n", so without this a part the browser let through (one thing per line, up to
    the limit) would be refused here as too long.
    """

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


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
        field_classes = {section.field: PlanSectionField for section in SECTIONS}

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


def save_plan(form: SafetyPlanForm) -> SafetyPlanForm:
    """Save a valid plan form, and return the form that saved it.

    Two first saves can race (a double tap on Save, two tabs, the API and the page): both
    read "no plan yet" and the second insert breaks the one-plan-per-person rule. Then these
    words go onto the plan the other save just made, as a change of it would, instead of
    failing. Only if they no longer fit (a chosen person removed meanwhile) is the returned
    form refused, with its errors, so nothing typed is lost.
    """
    try:
        with transaction.atomic():
            form.save()
        return form
    except IntegrityError:
        made_meanwhile = SafetyPlan.objects.filter(user_id=form.instance.user_id).first()
        if not form.instance._state.adding or made_meanwhile is None:
            raise
    again = SafetyPlanForm(form.data, instance=made_meanwhile, user=made_meanwhile.user)
    if again.is_valid():
        with transaction.atomic():
            again.save()
    return again


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


class RegionForm(forms.Form):
    """The country whose crisis lines and emergency number Get help now shows."""

    region = forms.ChoiceField(
        label="Your country",
        required=False,
        help_text="Get help now shows the crisis lines and emergency number for it.",
        error_messages={
            "invalid_choice": "Please choose a country from the list, or “Let Selftrust guess”."
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", "Let Selftrust guess"), *region_choices()]

    def saved_message(self) -> str:
        code = self.cleaned_data["region"]
        if not code:
            return "Selftrust will guess your country from your time zone and language."
        return f"Get help now will show the lines for {region_for_code(code).name}."
