"""No client address in any log line: a logging filter that blanks IP addresses.

Servers log the address of the client they talk to: uvicorn's WebSocket lines
(`203.0.113.7:0 - "WebSocket /ws/chat/mijn/" [accepted]`, also with `--no-access-log`, and with
`--proxy-headers` the forwarded address, which behind a proxy is the young person's), gunicorn's
"Invalid request from ip=…", and tracebacks that print an ASGI scope. Every handler of the project's
logging configuration (`LOGGING` in settings, and the files `config/uvicorn-logging.json` and
`config/gunicorn.py` for the servers' own loggers before Django starts) carries this filter, so an
address is blanked in the message, its arguments and any traceback before a line is written.
"""

from __future__ import annotations

import logging
import re

# IPv4 (also "::ffff:203.0.113.7"), and IPv6 with "::" or all eight groups; times ("19:27:20") stay.
_ADDRESS = re.compile(
    r"(?<![\w.:])(?:::ffff:)?(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?![\w.])"
    r"|(?<![\w:])(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}(?![\w:])"
    r"|(?<![\w:])(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?(?![\w:])",
    re.IGNORECASE,
)
REPLACEMENT = "[address]"


def scrub(text: str) -> str:
    """`text` with every IP address replaced by "[address]"."""
    return _ADDRESS.sub(REPLACEMENT, text)


class ScrubAddresses(logging.Filter):
    """Blanks IP addresses in a record's message, arguments and traceback; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a malformed call; keep what there is
            message = str(record.msg)
        record.msg, record.args = scrub(message), ()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        # uvicorn's access formatter reads the client from the arguments it keeps separately.
        for name in ("client_addr", "remote_addr", "host"):
            if isinstance(getattr(record, name, None), str):
                setattr(record, name, scrub(getattr(record, name)))
        return True


# The servers' own loggers, sent through the same scrubbing handler as the project's.
SERVER_LOGGERS = (
    "uvicorn",
    "uvicorn.error",
    "uvicorn.access",
    "daphne",
    "gunicorn",
    "gunicorn.error",
    "gunicorn.access",
    "celery",
    "django.channels.server",
)


def logging_config(level: str = "INFO") -> dict[str, object]:
    """A `logging.config.dictConfig` configuration in which every line passes `ScrubAddresses`.

    uvicorn's and gunicorn's access logs are dropped (they exist to record who asked); their other
    lines, Celery's and Django's are written to standard error, scrubbed.
    """
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"scrub_addresses": {"()": "config.log_scrub.ScrubAddresses"}},
        "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "plain",
                "filters": ["scrub_addresses"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            **{
                name: {"handlers": ["console"], "level": level, "propagate": False}
                for name in SERVER_LOGGERS
                if not name.endswith(".access")
            },
            "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "gunicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
            "django.server": {"handlers": [], "level": "ERROR", "propagate": False},
            "django.channels.server": {"handlers": [], "level": "ERROR", "propagate": False},
            "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        },
    }
