from django.urls import path

from moderation import views

app_name = "moderation"

urlpatterns = [
    path("", views.queue, name="queue"),
    path("item/<int:review_id>/", views.review, name="review"),
    path("item/<int:review_id>/beslis/", views.decide, name="decide"),
    path("logboek/", views.audit, name="audit"),
    path("cijfers/", views.figures, name="figures"),
    path("voorkeuren/", views.preferences, name="preferences"),
]
