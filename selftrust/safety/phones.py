"""Phone numbers as a dialler wants them."""

import unicodedata


def dialable(number: str) -> str:
    """A number as a dialler wants it: ASCII digits, with a leading + kept.

    In an international number the "(0)" of "+44 (0)20 7946 0000" (or "0044 (0)20 …") is
    dropped: it is only dialled from inside the country, and "+44 020..." does not connect.
    Digits written in another script ("٠٧٧٠٠") become 0-9, which every dialler understands.
    """
    number = number.strip()
    international = number.startswith("+")
    if international or number.startswith("00"):
        number = number.replace("(0)", "")
    digits = "".join(str(unicodedata.decimal(c)) for c in number if c.isdecimal())
    return ("+" + digits) if international else digits
