"""The follow-up forms: an instruction from an operative paragraph, and a report on it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from secretariat.organizations.models import Body, MemberState
from secretariat.rules.paragraphs import Paragraph

#: The addressee or sender ``secretariat``; the others are ``state:<code>`` and ``body:<code>``.
SECRETARIAT = "secretariat"


def party_choices(
    states: list[MemberState], bodies: list[Body], *, secretariat: bool = True
) -> list[tuple[Any, Any]]:
    """Choices naming a state, a body or the secretariat, grouped as a select shows them."""
    choices: list[tuple[Any, Any]] = []
    if secretariat:
        choices.append((SECRETARIAT, _("the secretariat")))
    if states:
        choices.append(
            (_("Member states"), [(f"state:{state.code}", state.short_name) for state in states])
        )
    if bodies:
        choices.append((_("Bodies"), [(f"body:{body.code}", body.name) for body in bodies]))
    return choices


def parse_party(
    value: str, states: list[MemberState], bodies: list[Body]
) -> tuple[Body | None, MemberState | None, bool]:
    """The body, state or secretariat a choice of :func:`party_choices` names."""
    kind, _separator, code = value.partition(":")
    if kind == "state":
        return None, next(state for state in states if state.code == code), False
    if kind == "body":
        return next(body for body in bodies if body.code == code), None, False
    return None, None, value == SECRETARIAT


class InstructionForm(forms.Form):
    paragraph = forms.TypedChoiceField(label=_("Operative paragraph"), coerce=int)
    addressee = forms.ChoiceField(label=_("Who must act"))
    action = forms.CharField(label=_("What must be done"), widget=forms.Textarea(attrs={"rows": 3}))
    due_on = forms.DateField(
        label=_("Due on (leave empty when the decision sets no deadline)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(
        self,
        *args: Any,
        paragraphs: list[Paragraph],
        states: list[MemberState],
        bodies: list[Body],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.states, self.bodies = states, bodies
        paragraph = self.fields["paragraph"]
        addressee = self.fields["addressee"]
        assert isinstance(paragraph, forms.ChoiceField)  # noqa: S101 - declared just above
        assert isinstance(addressee, forms.ChoiceField)  # noqa: S101 - declared just above
        paragraph.choices = [(item.number, Truncator(item.text).words(12)) for item in paragraphs]
        addressee.choices = party_choices(states, bodies)

    def chosen_addressee(self) -> tuple[Body | None, MemberState | None, bool]:
        return parse_party(self.cleaned_data["addressee"], self.states, self.bodies)


class ReportForm(forms.Form):
    sender = forms.ChoiceField(label=_("From"))
    received_on = forms.DateField(
        label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    summary = forms.CharField(label=_("Summary"), widget=forms.Textarea(attrs={"rows": 4}))
    completes = forms.BooleanField(
        label=_("The report shows the instruction carried out: complete it"), required=False
    )

    def __init__(
        self,
        *args: Any,
        states: list[MemberState],
        bodies: list[Body],
        secretariat: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.states, self.bodies = states, bodies
        sender = self.fields["sender"]
        assert isinstance(sender, forms.ChoiceField)  # noqa: S101 - declared just above
        sender.choices = party_choices(states, bodies, secretariat=secretariat)
        if not secretariat:
            # Completing is the secretariat's call; a head of delegation only reports.
            del self.fields["completes"]

    def chosen_sender(self) -> tuple[Body | None, MemberState | None, bool]:
        return parse_party(self.cleaned_data["sender"], self.states, self.bodies)


class PlanForm(forms.Form):
    horizon_on = forms.DateField(
        label=_("A plan until"), widget=forms.DateInput(attrs={"type": "date"})
    )
    start_on = forms.DateField(
        label=_("From (leave empty: from its adoption)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
