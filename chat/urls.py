from django.urls import path

from chat import views

app_name = "chat"
urlpatterns = [
    path("", views.entry, name="entry"),
    path("gesprek/", views.room, name="room"),
    path("gesprek/stoppen/", views.leave, name="leave"),
    path("vrijwilliger/", views.console, name="console"),
    path("vrijwilliger/beschikbaar/", views.availability, name="availability"),
    path("vrijwilliger/aannemen/<int:chat_id>/", views.take, name="take"),
    path("vrijwilliger/gesprek/<int:chat_id>/", views.conversation, name="conversation"),
    path("vrijwilliger/gesprek/<int:chat_id>/beeindigen/", views.end, name="end"),
    path("vrijwilliger/gesprek/<int:chat_id>/meekijken/", views.watch, name="watch"),
    path("vrijwilliger/registratie/<int:record_id>/", views.registration, name="registration"),
    path("cijfers/", views.figures, name="figures"),
]
