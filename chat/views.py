from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET


@require_GET
def entry(request: HttpRequest) -> HttpResponse:
    """The way to a volunteer. Until the live chat is built, it says how to reach one now."""
    return render(request, "chat/entry.html")
