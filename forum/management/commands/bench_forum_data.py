"""`manage.py bench_forum_data`: a forum of realistic size for benchmarks, never in production.

50 boards × 200 topics × 20 published posts and one topic of 500 posts by default (forum.bench_data).
A second run finds the generated boards and changes nothing.
"""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from forum.bench_data import forum_data_exists, forum_data_generate


class Command(BaseCommand):
    help = "Generate a large published forum for benchmarks (never in production)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--boards", type=int, default=50)
        parser.add_argument("--topics", type=int, default=200, help="topics per board")
        parser.add_argument("--posts", type=int, default=20, help="posts per topic")
        parser.add_argument("--long-topic-posts", type=int, default=500)
        parser.add_argument("--members", type=int, default=2000)
        parser.add_argument("--no-index", action="store_true", help="leave the search index alone")

    def handle(self, *args: Any, **options: Any) -> None:
        if not getattr(settings, "DEMO_CONTENT_ALLOWED", False):
            raise CommandError("Benchmark data is never generated in production.")
        if forum_data_exists():
            self.stdout.write("The benchmark forum is already there; nothing changed.")
            return
        started = time.monotonic()
        forum = forum_data_generate(
            boards=options["boards"],
            topics_per_board=options["topics"],
            posts_per_topic=options["posts"],
            long_topic_posts=options["long_topic_posts"],
            members=options["members"],
            index=not options["no_index"],
            progress=lambda message: self.stdout.write(f"  {message} ({time.monotonic() - started:.0f} s)"),
        )
        self.stdout.write(
            f"Generated {forum.boards} boards, {forum.topics} topics, {forum.posts} posts by {forum.members}"
            f" members in {time.monotonic() - started:.0f} s; the long topic is #{forum.long_topic_id}."
        )
