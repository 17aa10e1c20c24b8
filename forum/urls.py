from django.urls import path

from forum import views

app_name = "forum"

urlpatterns = [
    path("", views.index, name="index"),
    path("aanmelden/", views.sign_up, name="sign_up"),
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", views.log_out, name="logout"),
    path("wachtwoord-vergeten/", views.recover, name="recover"),
    path("controle/", views.challenge, name="challenge"),
    path("account/", views.account, name="account"),
    path("account/verwijderen/", views.account_delete, name="account_delete"),
    path("lid/<str:nickname>/", views.member, name="member"),
    path("voorbeeld/", views.preview, name="preview"),
    path("bericht/<int:post_id>/status/", views.post_status, name="post_status"),
    path("bericht/<int:post_id>/herkenbaar/", views.post_recognise, name="post_recognise"),
    path("bericht/<int:post_id>/melden/", views.post_report, name="post_report"),
    path("<slug:board>/", views.board, name="board"),
    path("<slug:board>/nieuw/", views.topic_new, name="topic_new"),
    path("<slug:board>/<int:topic_id>/", views.topic, name="topic"),
]
