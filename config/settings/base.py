"""Settings shared by every environment.

Everything comes from environment variables with embedded defaults, so that the site runs
with nothing beside it: SQLite, Celery tasks run eagerly, Wagtail's database search and a
local-memory cache. Production (config.settings.production) requires the real services.
"""

from __future__ import annotations

import base64
import hashlib
import os
from pathlib import Path
from typing import Any, cast

import dj_database_url
from django.utils.translation import gettext_lazy as _

from config.log_scrub import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str = "") -> str:
    """An environment variable; unset or empty means `default`."""
    return os.environ.get(name, "").strip() or default


def env_float(name: str) -> float | None:
    """A number from the environment, or None when it is unset (the component's own default)."""
    value = env(name)
    return float(value) if value else None


def env_int(name: str, default: int) -> int:
    value = env(name)
    return int(value) if value else default


SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-praatplein-do-not-use-in-production-4b1d9c")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in env("CSRF_TRUSTED_ORIGINS").split(",") if o.strip()]

INSTALLED_APPS = [
    "daphne",  # runserver serves ASGI (the chat's WebSockets); must come before staticfiles
    # Content types first: a test database is serialized app by app in this order, and restoring a
    # Wagtail page or task looks its content type up (creating it if absent), so the content types
    # must be back before the pages, or the restore makes a second row for the same model.
    "django.contrib.contenttypes",
    "forum",
    "moderation",
    "cms",
    "chat",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "config.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "cms.context_processors.site_help",
                "chat.context_processors.volunteer",
            ],
        },
    },
]

# Database: DATABASE_URL (PostgreSQL in production; any URL dj-database-url reads works).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "forum.Member"
# ModelBackend with the logged-in member's account kept in the cache (one query less per page).
AUTHENTICATION_BACKENDS = ["forum.auth.CachedAccountBackend"]

# Cache and Celery broker: REDIS_URL. Without it, a local-memory cache and eager tasks.
REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # Short timeouts and a backend that serves without Redis when it is down (config/cache.py).
    CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A message a worker took but never acknowledged (it died) is delivered again after this many seconds.
_VISIBILITY_TIMEOUT = env_int("CELERY_VISIBILITY_TIMEOUT", 3600)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _VISIBILITY_TIMEOUT,
    # How often a worker looks for such messages; kombu's default is about every 100 s.
    "unacked_restore_interval": min(10, _VISIBILITY_TIMEOUT),
    "unacked_restore_throttle": 1 if _VISIBILITY_TIMEOUT < 60 else 10,
}
CELERY_TIMEZONE = "Europe/Amsterdam"

# Search: Wagtail's database backend, or Elasticsearch 9 when ELASTICSEARCH_URL is set. With
# Elasticsearch the database backend is kept indexed beside it ("database"): searches go there while
# Elasticsearch does not answer (cms.search), and /healthz says so.
_DATABASE_SEARCH: dict[str, Any] = {"BACKEND": "wagtail.search.backends.database"}
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # PostgreSQL's Dutch configuration for the information pages ("toetsen" finds "toets"); forum text
    # is indexed as Dutch stems on every backend (forum.search_text).
    _DATABASE_SEARCH["SEARCH_CONFIG"] = "dutch"
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX": env("ELASTICSEARCH_INDEX", "praatplein"),
            "TIMEOUT": 5,
            # One attempt: a server that is down must not hold a search up for retries.
            "OPTIONS": {"max_retries": 0},
            # Dutch stemming and stop words for every text field (the index's default analyzer).
            "INDEX_SETTINGS": {"settings": {"analysis": {"analyzer": {"default": {"type": "dutch"}}}}},
        },
        "database": _DATABASE_SEARCH,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": _DATABASE_SEARCH}

# Original texts of held posts are encrypted at rest with this key (Fernet, urlsafe base64 of
# 32 bytes). Outside production a key is derived from SECRET_KEY so the site runs as it is.
ENCRYPTION_KEY = (
    env("ENCRYPTION_KEY")
    or base64.urlsafe_b64encode(
        hashlib.sha256(("praatplein-originals:" + SECRET_KEY).encode()).digest()
    ).decode()
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "forum:login"
LOGIN_REDIRECT_URL = "forum:index"
LOGOUT_REDIRECT_URL = "forum:index"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("Engels"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Sessions are read from the cache (a member's every page asked the database for theirs) and written
# through to the database, so that they outlive the cache; without Redis, the database alone.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# No script of ours reads the CSRF cookie (forms carry the token), so scripts may not read it at all.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

WAGTAIL_SITE_NAME = "Praatplein"
WAGTAILADMIN_BASE_URL = env("SITE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
WAGTAIL_USER_CUSTOM_FIELDS: list[str] = []
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAILUSERS_PASSWORD_ENABLED = True

# Logging: no IP address, no post text. Django's request logger is kept quiet about clients.
# Every handler blanks IP addresses and the servers' access logs are dropped (config/log_scrub.py):
# no client address reaches a log, from Django, uvicorn, daphne, gunicorn or Celery.
LOGGING = logging_config(env("LOG_LEVEL", "INFO"))
# runserver's own lines say the same on the console already (a quiet `make run`).
cast(dict, LOGGING["loggers"]).update(
    {"django.utils.autoreload": {"level": "WARNING"}, "daphne.server": {"level": "WARNING"}}
)

# --- Praatplein ---------------------------------------------------------------------------
FORUM_MIN_AGE = env_int("FORUM_MIN_AGE", 12)
FORUM_MAX_AGE = env_int("FORUM_MAX_AGE", 18)
FORUM_TITLE_MAX_LENGTH = 120
FORUM_POST_MAX_LENGTH = 5000
FORUM_NICKNAME_MAX_LENGTH = 30
# A member is "new" for this many days; new members may post once per FORUM_NEW_MEMBER_POST_INTERVAL s.
FORUM_NEW_MEMBER_DAYS = env_int("FORUM_NEW_MEMBER_DAYS", 7)
FORUM_NEW_MEMBER_POST_INTERVAL = env_int("FORUM_NEW_MEMBER_POST_INTERVAL", 30)
FORUM_MEMBER_POST_INTERVAL = env_int("FORUM_MEMBER_POST_INTERVAL", 5)
FORUM_TOPICS_PER_PAGE = 25
FORUM_POSTS_PER_PAGE = 50
FORUM_RECOVERY_CODES = 8
FORUM_RULES_URL = "/regels/"
# The screening entry point the forum's preview calls: the same one the Celery task uses.
FORUM_TEXT_SCREEN = "moderation.services.text_screen"
# Where a submitted post is announced. moderation connects to forum.signals.post_submitted.

# The filter's thresholds (nlp_models.FilterConfig); see README, "The filter".
NLP_FILTER = {
    "remove_threshold": float(env("NLP_REMOVE_THRESHOLD", "0.5")),
    "queue_threshold": float(env("NLP_QUEUE_THRESHOLD", "0.5")),
    "urgent_threshold": float(env("NLP_URGENT_THRESHOLD", "0.5")),
    "profanity_threshold": float(env("NLP_PROFANITY_THRESHOLD", "0.5")),
    # The learned layer (README, "The learned layer"). Unset, its thresholds are the ones `make
    # nlp-model` chose for the committed model on posts of authors it had not seen, saved with it
    # (low on purpose: a missed cry for help costs far more than a fine post that waits).
    "use_classifier": env("NLP_USE_CLASSIFIER", "1") not in ("0", "false", "no"),
    "model_urgent_threshold": env_float("NLP_MODEL_URGENT_THRESHOLD"),
    "model_queue_threshold": env_float("NLP_MODEL_QUEUE_THRESHOLD"),
    "model_window_threshold": env_float("NLP_MODEL_WINDOW_THRESHOLD"),
}

# Shown on every page; editors change them in the site settings ("Hulp en chat"). This is the default.
CRISIS_LINES = [
    {"name": "113 Zelfmoordpreventie", "phone": "0800-0113", "href": "tel:08000113"},
    {"name": _("Alarmnummer bij direct gevaar"), "phone": "112", "href": "tel:112"},
]

CELERY_BEAT_SCHEDULE = {
    "screen-stale-pending-posts": {
        "task": "moderation.tasks.screen_stale_pending_posts",
        "schedule": 60.0,
    },
    "moderation-retention": {
        "task": "moderation.tasks.apply_retention",
        "schedule": 60.0 * 60 * 24,
    },
}

# `make bench-web` (BENCH=1) serves a reference page with one query at /bench/referentie/.
BENCH_REFERENCE_VIEW = env("BENCH") == "1"

# `manage.py load_demo` refuses to run where this is False (production).
DEMO_CONTENT_ALLOWED = True
DEMO_LOADERS = ["forum.demo.load", "cms.demo.load"]
# Information pages: Wagtail's scheduled publishing and expiry (cms.tasks).
CELERY_BEAT_SCHEDULE["cms-publish-scheduled"] = {"task": "cms.tasks.publish_scheduled", "schedule": 60.0}
# Editors cannot publish; a second editor's approval publishes (cms.workflows).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflows.workflow_state_publish"

# --- Chat (chat/) ----------------------------------------------------------------------------
# The channel layer carries chat messages between server processes: Redis when REDIS_URL is set,
# otherwise in memory (one process only). On Redis, pub/sub by default: a group message is one
# PUBLISH, where RedisChannelLayer reads the group's sorted set and runs a script, and that held a
# process at a quarter of the chats (docs/benchmarks.md). Both deliver at most once; the chat
# stores every message first and a browser that reconnects gets what it missed.
# CHAT_CHANNEL_LAYER=redis chooses RedisChannelLayer (socket_timeout None: redis-py 8's 5 s timeout
# equals channels-redis's 5 s blocking read and would drop every quiet connection).
CHAT_CHANNEL_LAYER = env("CHAT_CHANNEL_LAYER", "redis-pubsub")
if REDIS_URL and CHAT_CHANNEL_LAYER == "redis":
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py 8 raises MaxConnectionsError past its pool (100) instead of waiting.
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "socket_timeout": None,
                        "max_connections": env_int("CHAT_LAYER_MAX_CONNECTIONS", 1000),
                    }
                ],
                "capacity": env_int("CHAT_LAYER_CAPACITY", 1000),
                "expiry": 60,
            },
        }
    }
elif REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "chat.layers.PipelinedPubSubChannelLayer",
            "CONFIG": {"hosts": [{"address": REDIS_URL}]},
        }
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
# Opening hours: a dotted path to a function returning {weekday (0 = Monday): [("HH:MM", "HH:MM")]},
# e.g. the CMS's site settings; when empty, CHAT_OPENING_HOURS. Europe/Amsterdam time.
CHAT_OPENING_HOURS_PROVIDER = env("CHAT_OPENING_HOURS_PROVIDER", "cms.help.chat_opening_hours")
CHAT_OPENING_HOURS = {day: [("14:00", "21:00")] for day in range(7)}
CHAT_MAX_CONCURRENT = env_int("CHAT_MAX_CONCURRENT", 2)  # chats one volunteer handles at once
CHAT_OFFER_SECONDS = env_int("CHAT_OFFER_SECONDS", 120)  # an offer not taken by then goes to another
CHAT_TIME_OUT_MINUTES = [30, 240, 1440, 10080]  # the lengths a volunteer may choose
CHAT_STALE_MINUTES = env_int("CHAT_STALE_MINUTES", 180)  # abandoned chats are closed after this
CHAT_DEFAULT_CHAT_MINUTES = 20  # for the wait estimate until there are figures
CHAT_MESSAGE_MAX_LENGTH = 2000
# Per socket: at most this many messages in this many seconds (more is refused kindly, text kept).
CHAT_SOCKET_MESSAGES = (env_int("CHAT_SOCKET_MESSAGES", 10), 10.0)
CHAT_MIN_AGE = 8
CHAT_MAX_AGE = 18
CELERY_BEAT_SCHEDULE["chat-end-stale-chats"] = {"task": "chat.tasks.end_stale_chats", "schedule": 300.0}
# The offers' timer. Beat rather than a task per offer with a countdown: on Redis a countdown task
# waits in a worker's memory, and when that worker stops it comes back only after the broker's
# visibility timeout (an hour), far past the offer's two minutes; a sweep every few seconds is
# idempotent and needs nothing to survive a restart. Queue changes run the same sweep.
CHAT_OFFER_SWEEP_SECONDS = env_int("CHAT_OFFER_SWEEP_SECONDS", 10)
CELERY_BEAT_SCHEDULE["chat-offer-waiting-chats"] = {
    "task": "chat.tasks.offer_waiting_chats",
    "schedule": float(CHAT_OFFER_SWEEP_SECONDS),
}

# Moderation (see README, "Moderation").
MODERATION_CLAIM_MINUTES = env_int("MODERATION_CLAIM_MINUTES", 10)
MODERATION_STRIKE_DAYS = env_int("MODERATION_STRIKE_DAYS", 365)
MODERATION_STRIKES_TO_BLOCK = env_int("MODERATION_STRIKES_TO_BLOCK", 3)
MODERATION_CONTACT_STRIKES_TO_BLOCK = env_int("MODERATION_CONTACT_STRIKES_TO_BLOCK", 2)
# Reports hide a post once their reporters' weights add up to MODERATION_REPORTS_TO_HIDE. A report
# from an account younger than min_account_days, or with fewer than min_published_posts published
# posts and no upheld report, weighs 0: it reaches the moderators but hides nothing. Others weigh 1;
# members with upheld_reports_for_more_weight reports the moderators upheld weigh upheld_weight.
MODERATION_REPORTS_TO_HIDE = env_int("MODERATION_REPORTS_TO_HIDE", 3)
MODERATION_REPORT_TRUST = {
    "min_account_days": env_int("MODERATION_REPORT_MIN_ACCOUNT_DAYS", 14),
    "min_published_posts": env_int("MODERATION_REPORT_MIN_POSTS", 5),
    "upheld_reports_for_more_weight": env_int("MODERATION_REPORT_UPHELD_FOR_MORE_WEIGHT", 2),
    "upheld_weight": env_int("MODERATION_REPORT_UPHELD_WEIGHT", 2),
}
# Originals of items nobody decided are deleted after this many days; audit details after AUDIT_DETAIL_DAYS.
MODERATION_ORIGINAL_RETENTION_DAYS = env_int("MODERATION_ORIGINAL_RETENTION_DAYS", 30)
MODERATION_AUDIT_DETAIL_DAYS = env_int("MODERATION_AUDIT_DETAIL_DAYS", 365)

# The Content-Security-Policy (config/security.py) is not sent under these paths (the Wagtail admin).
CSP_EXCLUDE_PREFIXES = ["/beheer/", "/documenten/"]

# Pages served from the cache to visitors without a session (config/page_cache.py), by URL name: the
# query parameters each reads (any other parameter is left out of the key), and for how long at most
# when not ANONYMOUS_CACHE_SECONDS: the cache is also cleared whenever what they show changes.
ANONYMOUS_CACHE_VIEWS: dict[str, dict[str, Any]] = {
    "wagtail_serve": {},
    "forum:index": {},
    "forum:board": {"params": ["na"]},
    "forum:topic": {"params": ["na"]},
    # The waiting figures are kept for 5 seconds (chat.selectors.entry_figures); so is the page.
    "chat:entry": {"params": ["onderwerp", "bericht"], "seconds": 5},
    # A search from the cache is still counted for the editors' popular searches.
    "cms:search": {"params": ["q", "pagina"], "on_hit": "cms.search.search_hit_count"},
}
ANONYMOUS_CACHE_SECONDS = env_int("ANONYMOUS_CACHE_SECONDS", 60)

# Searches are counted for the editors' popular searches in memory and written this often (seconds).
SEARCH_HITS_FLUSH_SECONDS = env_int("SEARCH_HITS_FLUSH_SECONDS", 10)

# Rate limits (per member or per browser session, never per IP address): (attempts, seconds).
# "post" counts a member's posts and topics (forum.services.posting_check), beside the interval
# above; "chat_start" counts starts of a chat per browser session (chat.views.entry).
# Wrong passwords slow a nickname down in browsers where it never logged in (forum.ratelimit.login_delay).
LOGIN_SLOWDOWN = {"free_attempts": 5, "max_delay": 60, "window": 15 * 60}
# Without a cache to count in, these limits let the attempt through; every other one refuses it.
RATE_LIMITS_FAIL_OPEN = ("login", "login_unproven", "preview")
RATE_LIMITS = {
    "sign_up": (env_int("SIGN_UPS_PER_MINUTE", 20), 60),  # accounts created, by everyone together
    "sign_up_attempt": (20, 10 * 60),  # tries, right or wrong: only a script sends so many
    "login": (10, 15 * 60),
    "recover": (5, 60 * 60),
    "report": (20, 60 * 60),
    "preview": (60, 60),
    "post": (env_int("FORUM_POSTS_PER_HOUR", 30), 60 * 60),
    "chat_start": (env_int("CHAT_STARTS_PER_HOUR", 5), 60 * 60),
    # Chats started by everyone together per minute: protects the volunteers' queue from a flood.
    "chat_start_all": (env_int("CHAT_STARTS_PER_MINUTE", 20), 60),
    # Sent without a solved challenge (JavaScript off, or a script), by everyone together per minute
    # (forum.challenge): the forms keep working without JavaScript, within a budget a script soon uses up.
    "sign_up_unproven": (env_int("UNPROVEN_SIGN_UPS_PER_MINUTE", 5), 60),
    "login_unproven": (env_int("UNPROVEN_LOGINS_PER_MINUTE", 20), 60),
    "recover_unproven": (env_int("UNPROVEN_RECOVERIES_PER_MINUTE", 5), 60),
    "chat_start_unproven": (env_int("UNPROVEN_CHAT_STARTS_PER_MINUTE", 5), 60),
}

# The proof of work (ALTCHA, forum/challenge.py) asked where a person starts something: sign-up,
# login, recovery, chat start. The browser finds a counter whose PBKDF2-SHA-256 key (`cost`
# iterations) the server fixed beforehand, drawn from [max_number / 2, max_number): on average
# 0.75 * max_number * cost iterations (about a second in a phone's browser with the defaults).
# Challenges are signed with `hmac_key` (ALTCHA_HMAC_KEY, else derived from SECRET_KEY), live
# `expires` seconds and are accepted once.
ALTCHA: dict[str, Any] = {
    "hmac_key": env("ALTCHA_HMAC_KEY")
    or hashlib.sha256(("praatplein-altcha:" + SECRET_KEY).encode()).hexdigest(),
    "algorithm": "PBKDF2/SHA-256",
    "cost": env_int("ALTCHA_COST", 1000),
    "max_number": env_int("ALTCHA_MAX_NUMBER", 2000),
    "expires": env_int("ALTCHA_EXPIRES", 30 * 60),
}
