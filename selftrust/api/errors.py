class InputRefused(Exception):
    """Input the domain rules refused; its kind messages go back as JSON with a 422."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__("input refused")
        self.errors = errors

    @classmethod
    def from_form(cls, form, rename: dict[str, str] | None = None) -> "InputRefused":
        """`rename` maps a form field to the name the API uses for it (day -> date)."""
        rename = rename or {}
        return cls(
            {
                rename.get(field, field): [str(m) for m in msgs]
                for field, msgs in form.errors.items()
            }
        )


class PledgeRefused(Exception):
    """A pledge not to hurt oneself, turned away as the web form does: a 422 with the note,
    the promises we offer instead, and support."""

    def __init__(self, note: str):
        super().__init__("pledge refused")
        self.note = note
