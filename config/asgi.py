"""ASGI: HTTP goes to Django; WebSockets (the chat, the moderators' live queue) to Channels, with the session and user of the
browser and only from the site's own hosts."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
# Django must be set up before anything imports models (the consumers do).
django_application = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from chat.routing import websocket_urlpatterns as chat_websockets  # noqa: E402
from config.websocket import websocket_stack  # noqa: E402
from moderation.routing import websocket_urlpatterns as moderation_websockets  # noqa: E402

application = ProtocolTypeRouter(
    {
        "http": django_application,
        "websocket": AllowedHostsOriginValidator(
            websocket_stack(URLRouter(chat_websockets + moderation_websockets))
        ),
    }
)
