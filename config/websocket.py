"""The middleware in front of every WebSocket consumer: cookies, the browser's session, its user."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from channels.auth import AuthMiddleware
from channels.sessions import CookieMiddleware
from django.conf import settings


class WebSocketSessionMiddleware:
    """The browser's Django session in the scope, for a WebSocket, read when the consumer first asks.

    Channels' `SessionMiddleware` also wraps every frame the consumer sends, to save a changed session
    with an HTTP response; a WebSocket has none, so for the chat the wrapper only looked at the session,
    on every frame: 13 % of a loaded chat server's time (py-spy, docs/benchmarks.md). The consumers
    only read the session (the young person's chat token, the volunteer's login), at connect."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.store = import_module(settings.SESSION_ENGINE).SessionStore

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> Any:
        if "cookies" not in scope:
            raise ValueError("WebSocketSessionMiddleware needs CookieMiddleware above it")
        # Lazy: the session is loaded on first use, in the thread of the consumer's database call.
        session = self.store(scope["cookies"].get(settings.SESSION_COOKIE_NAME))
        return await self.inner({**scope, "session": session}, receive, send)


def websocket_stack(inner: Any) -> Any:
    """Cookies, the session (read only) and the user, as Channels' `AuthMiddlewareStack` gives them."""
    return CookieMiddleware(WebSocketSessionMiddleware(AuthMiddleware(inner)))
