"""Praatplein's Dutch post filter: plain Python, no Django.

Text in, a `Screening` out: the decision (publish, queue, urgent), the text that may be
published, and the findings that explain both. Everything else in the project goes through
`screen()`; nothing here imports from the Django apps.
"""

from nlp_models.pipeline import check_nickname, load, screen
from nlp_models.text import clean_input
from nlp_models.types import Decision, FilterConfig, Finding, Screening

__all__ = [
    "Decision",
    "FilterConfig",
    "Finding",
    "Screening",
    "check_nickname",
    "clean_input",
    "load",
    "screen",
]
