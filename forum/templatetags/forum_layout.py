"""`{% layout_part "_site_header.html" %}`: a part of the site's layout, rendered once per process.

The header (menu, search, chat link) and the language switch are the same on every page for everyone
in one language, logged in or not, apart from the CSRF token of their forms. Rendering them on each
request cost a member's page some ten URL reversals and a score of translations. So each part is
rendered once per language and login state and kept in this process (it depends on nothing that
changes while the process runs: templates, translations and URLs), with a marker where the token goes;
the reader's own token is put in on every request.
"""

from __future__ import annotations

from django import template
from django.template.loader import get_template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

register = template.Library()

CSRF = "\x00layout-csrf\x00"  # never shown: NUL is not HTML text
_rendered: dict[tuple[str, str, bool], str] = {}


def _render(name: str, *, language: str, logged_in: bool) -> str:
    key = (name, language, logged_in)
    html = _rendered.get(key)
    if html is None:
        html = get_template(name).render({"user": {"is_authenticated": logged_in}, "csrf_token": CSRF})
        _rendered[key] = html
    return html


@register.simple_tag(takes_context=True)
def layout_part(context: template.Context, name: str) -> SafeString:
    """The template `name` rendered for this page's language and login state, with the reader's token."""
    user = context.get("user")
    html = _render(
        name, language=get_language() or "", logged_in=bool(user is not None and user.is_authenticated)
    )
    token = context.get("csrf_token")
    if token is None or str(token) == "NOTPROVIDED":
        # As {% csrf_token %} without a token: no hidden field at all.
        html = html.replace(f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF}">', "")
    return mark_safe(html.replace(CSRF, escape(str(token))))  # noqa: S308 (our own templates)
