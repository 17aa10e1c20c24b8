from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cms.search import site_search


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """/zoeken/?q=…&pagina=…: information pages and forum topics, grouped; the chat when nothing is found."""
    try:
        page_number = int(request.GET.get("pagina", "1"))
    except ValueError:
        page_number = 1
    result = site_search(query=request.GET.get("q", ""), page_number=page_number)
    return render(request, "cms/search.html", {"search": result})
