from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from forum.models import Board, RejectReason
from moderation.models import Review


class RejectForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reden (de schrijver ziet deze)"), choices=RejectReason.choices)
    warn = forms.BooleanField(label=_("Geef een waarschuwing"), required=False)
    followup = forms.ChoiceField(
        label=_("Wat is er voor de schrijver gedaan? (nodig bij een urgent bericht)"),
        choices=[("", _("kies…")), *Review.FollowUp.choices],
        required=False,
    )

    def __init__(self, *args, urgent: bool = False, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("auto_id", "id_reject_%s")  # the follow-up form on the same page has a `followup`
        super().__init__(*args, **kwargs)
        if urgent:
            self.fields["reason"].initial = RejectReason.CARE
        else:
            del self.fields["followup"]


class EditForm(forms.Form):
    text = forms.CharField(label=_("Aangepaste tekst"), widget=forms.Textarea(attrs={"rows": 8}), strip=False)


class FollowUpForm(forms.Form):
    followup = forms.ChoiceField(label=_("Hoe is het opgevolgd?"), choices=Review.FollowUp.choices)


class TimeOutForm(forms.Form):
    days = forms.IntegerField(label=_("Time-out (dagen)"), min_value=1, max_value=365, initial=7)


class PreferenceForm(forms.Form):
    skipped_boards = forms.ModelMultipleChoiceField(
        label=_("Deze fora wil ik liever niet zien (urgente items blijven zichtbaar)"),
        queryset=Board.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
