"""Run the screening path over JSON lines: `manage.py moderate_text < posts.jsonl > out.jsonl`.

Each input line has `id` and `text`; each output line has `id`, `published_text`, `decision`
and `findings`. A line that cannot be read gives an `error` line with its `id`, and the run goes on.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from moderation.services import text_screen


class Command(BaseCommand):
    help = "Screen JSON lines ({id, text}) from standard input; write the decisions as JSON lines."

    def handle(self, *args: Any, **options: Any) -> None:
        out = self.stdout
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            post_id: Any = None
            try:
                item = json.loads(line)
                post_id = item.get("id", number) if isinstance(item, dict) else number
                text = item["text"] if isinstance(item, dict) else None
                if not isinstance(text, str):
                    raise ValueError("'text' must be a string")
                screening = text_screen(text)
            except (ValueError, KeyError, TypeError) as exc:
                message = (
                    f"line {number}: {exc}" if not isinstance(exc, KeyError) else f"line {number}: no 'text'"
                )
                out.write(json.dumps({"id": post_id if post_id is not None else number, "error": message}))
                continue
            result = {
                "id": post_id,
                "published_text": screening.published_text,
                "decision": screening.decision.value,
                "findings": [f.as_dict() for f in screening.findings],
            }
            out.write(json.dumps(result, ensure_ascii=False))
