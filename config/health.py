"""GET /healthz: the state of the database, cache and broker, and the search backend, as JSON."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _cache() -> str:
    cache.set("healthz", "1", 5)
    return "ok" if cache.get("healthz") == "1" else "error"


def _broker() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


def _search() -> str:
    """Which backend answers searches: "database", "elasticsearch", or the database while
    Elasticsearch does not answer (searches still work then, so this alone is not an error)."""
    if "database" not in settings.WAGTAILSEARCH_BACKENDS:
        return "database"
    from wagtail.search.backends import get_search_backend

    try:
        get_search_backend().es.info()  # type: ignore[attr-defined]
    except Exception as exc:  # whatever stops Elasticsearch from answering
        return f"database (Elasticsearch unreachable: {type(exc).__name__})"
    return "elasticsearch"


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    checks = {}
    for name, check in (("database", _database), ("cache", _cache), ("broker", _broker)):
        try:
            checks[name] = check()
        except Exception as exc:  # a health check reports every failure, whatever its kind
            checks[name] = f"error: {type(exc).__name__}"
    healthy = all(v in ("ok", "eager") for v in checks.values())
    checks["search"] = _search()
    return JsonResponse({"status": "ok" if healthy else "error", **checks}, status=200 if healthy else 503)
