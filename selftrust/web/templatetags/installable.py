from django import template
from django.utils.crypto import salted_hmac

register = template.Library()


@register.simple_tag(takes_context=True)
def device_account_key(context) -> str:
    """Who is signed in, as keep-plan-on-device.js needs to know it: the same string for the
    same account on every page, telling nothing about the account ("" when nobody is).

    A plan kept on a device belongs to one account; a page seen by another account wipes it.
    """
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    return salted_hmac("selftrust.kept-plan", str(user.pk)).hexdigest()[:20]
