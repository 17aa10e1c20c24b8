"""Production: every service is real and named by the environment, or the site refuses to start."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.base import *  # noqa: F403
from config.settings.base import env, env_int

REQUIRED = {
    "SECRET_KEY": "a long random string (50+ characters) for signing sessions",
    "ALLOWED_HOSTS": "the host names the site answers to, comma-separated",
    "DATABASE_URL": "the PostgreSQL database, e.g. postgres://user:pass@host:5432/praatplein",
    "REDIS_URL": "Redis for the cache and the Celery broker, e.g. redis://host:6379/0",
    "ELASTICSEARCH_URL": "Elasticsearch 9 for search, e.g. http://host:9200",
    "ENCRYPTION_KEY": "the Fernet key for original texts of held posts "
    "(python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())')",
}
_missing = [name for name in REQUIRED if not env(name)]
if _missing:
    raise ImproperlyConfigured(
        "Praatplein will not start in production without these environment variables:\n"
        + "\n".join(f"  {name}: {REQUIRED[name]}" for name in _missing)
    )

DEBUG = False
# Connections kept for a minute, checked before reuse: without, every page that reads the database
# opened a PostgreSQL connection of its own (the one-query reference page of `make bench-web` ran at
# 74-91 requests/s with two workers, most of it connecting). DATABASE_CONN_MAX_AGE=0 turns it off
# (behind PgBouncer in transaction mode, say).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", "true").lower() != "false"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEMO_CONTENT_ALLOWED = False
