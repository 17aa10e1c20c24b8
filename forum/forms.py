"""Forms keep what a member typed: length and content rules are checked by the services,
which say in Dutch what to change, and the form comes back filled in."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from forum.models import Report


class PlainForm(forms.Form):
    """Labels without a trailing colon: screen readers read them as they are."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class SignUpForm(PlainForm):
    nickname = forms.CharField(
        label=_("Schuilnaam"),
        help_text=_("Iedereen ziet deze naam. Gebruik niet je echte naam."),
        strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    age = forms.IntegerField(
        label=_("Hoe oud ben je?"),
        min_value=1,
        max_value=120,
        error_messages={"invalid": _("Vul je leeftijd in als getal, bijvoorbeeld 14.")},
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        help_text=_("Minstens 8 tekens. Kies iets wat je onthoudt en wat niemand raadt."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )
    password_again = forms.CharField(
        label=_("Wachtwoord nog een keer"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )

    def clean(self) -> dict:
        """Every problem at once (nickname, age, password), so that no fix costs another try."""
        from django.contrib.auth.password_validation import validate_password

        from forum import services
        from forum.models import Member

        data = super().clean() or {}
        if data.get("password") and data.get("password") != data.get("password_again"):
            self.add_error("password_again", _("De twee wachtwoorden zijn niet hetzelfde."))
        if data.get("nickname"):
            try:
                data["nickname"] = services.nickname_validate(data["nickname"])
            except ValidationError as error:
                self.add_error("nickname", error)
        if data.get("password") and "password_again" not in self.errors:
            try:
                validate_password(data["password"], user=Member(username=data.get("nickname") or ""))
            except ValidationError as error:
                self.add_error("password", error)
        return data


class LoginForm(AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_suffix = ""

    username = forms.CharField(
        label=_("Schuilnaam"), widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True})
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _("Deze schuilnaam en dit wachtwoord horen niet bij elkaar. Let op hoofdletters."),
        "inactive": _("Dit account is geblokkeerd."),
    }


class RecoverForm(PlainForm):
    nickname = forms.CharField(label=_("Schuilnaam"))
    code = forms.CharField(
        label=_("Herstelcode"), help_text=_("Een van de codes die je kreeg bij het aanmelden.")
    )
    password = forms.CharField(
        label=_("Nieuw wachtwoord"),
        strip=False,
        # Kept when the form comes back (a wrong code, a refusal), as at sign-up: nothing typed is lost.
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}, render_value=True),
    )


class TopicForm(PlainForm):
    title = forms.CharField(
        label=_("Titel"),
        strip=False,
        help_text=_("Maximaal %(max)d tekens.") % {"max": settings.FORUM_TITLE_MAX_LENGTH},
    )
    text = forms.CharField(
        label=_("Je bericht"),
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "data-max-length": settings.FORUM_POST_MAX_LENGTH}),
        help_text=_("Noem geen namen, telefoonnummers of adressen: die halen we weg."),
    )


class ReplyForm(PlainForm):
    text = forms.CharField(
        label=_("Jouw reactie"),
        strip=False,
        # No maxlength: a pasted text that is too long is kept whole, and the counter says how much to cut.
        widget=forms.Textarea(attrs={"rows": 6, "data-max-length": settings.FORUM_POST_MAX_LENGTH}),
    )


class ReportForm(PlainForm):
    reason = forms.ChoiceField(
        label=_("Waarom meld je dit bericht?"), choices=Report.Reason.choices, widget=forms.RadioSelect
    )


class DeleteAccountForm(PlainForm):
    password = forms.CharField(
        label=_("Je wachtwoord, ter controle"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    delete_posts = forms.BooleanField(
        label=_("Haal ook de tekst van al mijn geplaatste berichten weg"), required=False
    )
