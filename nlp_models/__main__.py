"""Screen JSON lines without Django: `python -m nlp_models < posts.jsonl > out.jsonl`.

Each input line is `{"id": ..., "text": ...}`; each output line is
`{"id", "published_text", "decision", "findings"}`. Texts pass `clean_input()` first, as in
production. A line that cannot be read or screened gives `{"id", "error"}` and the run goes on.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from nlp_models import clean_input, load, screen


def run(stdin: TextIO, stdout: TextIO) -> int:
    """Screen every line of `stdin` to `stdout`; return the number of lines with an error."""
    load()
    errors = 0
    for line in stdin:
        if not line.strip():
            continue
        post_id = None
        try:
            post = json.loads(line)
            post_id = post.get("id") if isinstance(post, dict) else None
            text = post["text"]
            if not isinstance(text, str):
                raise TypeError("text is not a string")
            result = screen(clean_input(text))
            out = {
                "id": post_id,
                "published_text": result.published_text,
                "decision": result.decision.value,
                "findings": [f.as_dict() for f in result.findings],
            }
        except Exception as exc:  # noqa: BLE001 - one bad line must not stop the run
            errors += 1
            out = {"id": post_id, "error": f"{type(exc).__name__}: {exc}"}
        stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return errors


def main() -> None:
    run(sys.stdin, sys.stdout)


if __name__ == "__main__":
    main()
