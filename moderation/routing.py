from django.urls import path

from moderation import consumers

websocket_urlpatterns = [
    path("ws/moderatie/wachtrij/", consumers.QueueConsumer.as_asgi()),
]
