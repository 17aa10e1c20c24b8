"""StreamField blocks editors build information pages from, and the blocks of the site settings."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]

WEEKDAYS = [
    ("0", _("maandag")),
    ("1", _("dinsdag")),
    ("2", _("woensdag")),
    ("3", _("donderdag")),
    ("4", _("vrijdag")),
    ("5", _("zaterdag")),
    ("6", _("zondag")),
]


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("vraag"), max_length=200)
    answer = blocks.RichTextBlock(label=_("antwoord"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "help"
        label = _("vraag en antwoord")


class QuestionsBlock(blocks.StructBlock):
    """Questions and answers, shown as an accordion of <details> elements: it works without JavaScript."""

    heading = blocks.CharBlock(label=_("kop"), required=False, default=_("Vragen die vaak gesteld worden"))
    items = blocks.ListBlock(QuestionBlock(), label=_("vragen"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("vragen en antwoorden")
        template = "cms/blocks/questions.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("wat iemand zei"), max_length=600)
    name = blocks.CharBlock(
        label=_("wie"),
        required=False,
        max_length=60,
        help_text=_("Een schuilnaam en leeftijd, bijvoorbeeld: Sanne, 14. Nooit een echte naam."),
    )

    class Meta:
        icon = "openquote"
        label = _("citaat van een jongere")
        template = "cms/blocks/quote.html"


class ChatCallBlock(blocks.StructBlock):
    """A call to talk to a volunteer; links to the chat and shows today's opening hours."""

    heading = blocks.CharBlock(label=_("kop"), default=_("Praat erover"), max_length=80)
    text = blocks.TextBlock(
        label=_("tekst"),
        max_length=400,
        default=_(
            "Wil je hier met iemand over praten? Een vrijwilliger luistert naar je. Je blijft anoniem."
        ),
    )

    class Meta:
        icon = "comment"
        label = _("praat erover (naar de chat)")
        template = "cms/blocks/chat_call.html"


class ForumTopicsBlock(blocks.StructBlock):
    """The latest published forum topics on the boards this page picked."""

    heading = blocks.CharBlock(label=_("kop"), default=_("Op het forum"), max_length=80)
    count = blocks.IntegerBlock(label=_("aantal onderwerpen"), default=3, min_value=1, max_value=10)

    class Meta:
        icon = "group"
        label = _("onderwerpen van het forum")
        template = "cms/blocks/forum_topics.html"


class TopicBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=RICH_TEXT_FEATURES, template="cms/blocks/paragraph.html"
    )
    image = ImageBlock(label=_("afbeelding"), template="cms/blocks/image.html")
    questions = QuestionsBlock()
    quote = QuoteBlock()
    chat_call = ChatCallBlock()
    forum_topics = ForumTopicsBlock()


class RuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("regel"), max_length=120, help_text=_("Kort en duidelijk: wat wel of niet mag.")
    )
    explanation = blocks.TextBlock(label=_("uitleg"), max_length=600)

    class Meta:
        icon = "tick"
        label = _("regel")
        template = "cms/blocks/rule.html"


class RulesBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("tekst"), features=RICH_TEXT_FEATURES, template="cms/blocks/paragraph.html"
    )
    rule = RuleBlock()


class CrisisLineBlock(blocks.StructBlock):
    name = blocks.CharBlock(
        label=_("naam"), max_length=80, help_text=_("Bijvoorbeeld: 113 Zelfmoordpreventie")
    )
    phone = blocks.CharBlock(
        label=_("nummer"), max_length=30, help_text=_("Zoals je het schrijft: 0800-0113")
    )

    class Meta:
        icon = "mobile-alt"
        label = _("hulplijn")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if not phone_href(value["phone"]):
            raise StructBlockValidationError(
                block_errors={"phone": ErrorList([ValidationError(_("Dit is geen telefoonnummer."))])}
            )
        return value


class OpeningHoursBlock(blocks.StructBlock):
    weekday = blocks.ChoiceBlock(label=_("dag"), choices=WEEKDAYS)
    opens = blocks.TimeBlock(label=_("van"))
    closes = blocks.TimeBlock(label=_("tot"), help_text=_("00:00 betekent: tot middernacht."))

    class Meta:
        icon = "time"
        label = _("openingstijd")

    def clean(self, value: Any) -> Any:
        value = super().clean(value)
        if value["closes"] != dt.time(0) and value["closes"] <= value["opens"]:
            raise StructBlockValidationError(
                block_errors={
                    "closes": ErrorList([ValidationError(_("De chat moet sluiten na het openen."))])
                }
            )
        return value


def phone_href(phone: str) -> str:
    """A tel: link for a phone number as people write it ("0800-0113" → "tel:08000113"); "" if none."""
    digits = re.sub(r"[^\d+]", "", phone)
    return f"tel:{digits}" if re.fullmatch(r"\+?\d{3,15}", digits) else ""
