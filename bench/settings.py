"""Settings for `make bench-web`: production's, with three local changes.

Production requires Elasticsearch for search. None runs on this machine, and the search page is one
of the measured pages, so search uses Wagtail's database backend (the project's default without
ELASTICSEARCH_URL; `dutch` configuration on PostgreSQL). Static files are collected into a
throwaway folder (BENCH_STATIC_ROOT) instead of the project's. Everything else (DEBUG off, the
Redis cache, WhiteNoise's manifest storage, secure cookies, the middleware) is production's.
The cache keys of a run carry their own prefix (BENCH_CACHE_PREFIX), so that they can be deleted.
"""

from pathlib import Path

from config.settings.base import DATABASES, env
from config.settings.production import *  # noqa: F403

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "dutch"

STATIC_ROOT = Path(env("BENCH_STATIC_ROOT", "/tmp/praatplein-bench-static"))  # noqa: S108 (a throwaway folder)

# One run's cache entries apart from anything else in the same Redis database; deleted at the end.
CACHES["default"]["KEY_PREFIX"] = env("BENCH_CACHE_PREFIX", "bench-web")  # noqa: F405
