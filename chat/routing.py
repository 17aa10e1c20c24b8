from django.urls import path

from chat import consumers

websocket_urlpatterns = [
    path("ws/chat/mijn/", consumers.YoungPersonConsumer.as_asgi()),
    path("ws/chat/gesprek/<int:chat_id>/", consumers.VolunteerConsumer.as_asgi()),
    path("ws/chat/console/", consumers.ConsoleConsumer.as_asgi()),
]
