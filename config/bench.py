"""The reference page of `make bench-web`: the site's own layout with one query and nothing else.

Served at /bench/referentie/ only when settings.BENCH_REFERENCE_VIEW is True (BENCH=1), so that a
benchmark compares every page with the cheapest page this site can render.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from forum.models import Board


@require_GET
def reference(request: HttpRequest) -> HttpResponse:
    return render(request, "bench/reference.html", {"boards": list(Board.objects.order_by("position")[:10])})
