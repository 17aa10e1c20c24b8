from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from chat.models import AgeGroup, ChatRecord, Contact, Subject
from forum.models import Board, Member


class PlainForm(forms.Form):
    """Labels without a trailing colon: screen readers read them as they are."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class StartForm(PlainForm):
    nickname = forms.CharField(
        label=_("Hoe mag de vrijwilliger je noemen?"),
        help_text=_("Een verzonnen naam is prima. Gebruik liever niet je echte naam."),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
    )
    age = forms.IntegerField(label=_("Hoe oud ben je?"), min_value=1, max_value=99)
    board = forms.ModelChoiceField(
        label=_("Waar gaat het over? (mag je overslaan)"),
        queryset=Board.objects.all(),
        required=False,
        empty_label=_("Vertel ik liever in de chat"),
    )
    share = forms.BooleanField(
        label=_("Laat de vrijwilliger mijn bericht van het forum lezen"), required=False
    )
    bericht = forms.IntegerField(required=False, widget=forms.HiddenInput)
    onderwerp = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, can_share: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_share:
            del self.fields["share"]


def _time_out_label(minutes: int) -> str:
    if minutes % 1440 == 0:
        days = minutes // 1440
        return ngettext("%(n)d dag", "%(n)d dagen", days) % {"n": days}
    if minutes % 60 == 0:
        return ngettext("%(n)d uur", "%(n)d uur", minutes // 60) % {"n": minutes // 60}
    return ngettext("%(n)d minuut", "%(n)d minuten", minutes) % {"n": minutes}


class EndForm(PlainForm):
    time_out = forms.TypedChoiceField(
        label=_("Time-out (alleen bij misbruik van de chat)"),
        coerce=int,
        empty_value=None,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        time_out = self.fields["time_out"]
        assert isinstance(time_out, forms.ChoiceField)
        time_out.choices = [("", _("Geen time-out"))] + [
            (m, _time_out_label(m)) for m in settings.CHAT_TIME_OUT_MINUTES
        ]


class WatchForm(PlainForm):
    colleague = forms.ModelChoiceField(label=_("Collega"), queryset=Member.objects.none())

    def __init__(self, *args: Any, colleagues: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        colleague = self.fields["colleague"]
        assert isinstance(colleague, forms.ModelChoiceField)
        colleague.queryset = colleagues


class RegistrationForm(forms.ModelForm):
    class Meta:
        model = ChatRecord
        fields = ["subject", "age_group", "contact"]
        widgets = {"subject": forms.RadioSelect, "age_group": forms.RadioSelect, "contact": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        choices = {"subject": Subject.choices, "age_group": AgeGroup.choices, "contact": Contact.choices}
        for name, options in choices.items():
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.required = True
            field.choices = options  # without the empty "---------"
