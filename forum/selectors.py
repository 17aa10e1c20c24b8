"""The forum's reads: what a visitor or member may see, in as few queries as the page needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from forum.models import Board, Member, Post, Status, Topic


@dataclass(frozen=True)
class Cursor:
    """A keyset position: the sort key of the last item on the page before."""

    at: dt.datetime
    id: int

    def encode(self) -> str:
        return f"{self.at.timestamp():.6f}_{self.id}"

    @classmethod
    def decode(cls, raw: str | None) -> Cursor | None:
        """Read a cursor from a URL; anything unreadable means "the first page"."""
        if not raw:
            return None
        try:
            stamp, ident = raw.split("_", 1)
            return cls(dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC), int(ident))
        except (ValueError, OverflowError, OSError):
            return None


def boards_overview() -> QuerySet[Board]:
    """Boards with their number of visible topics (`topic_count`) and latest activity (`last_activity_at`).

    Both are stored on the board (see services.board_recount): counting every board's topics on each
    request made the forum index and the home page the slowest pages of the site.
    """
    return Board.objects.order_by("position", "name")


def board_topics(*, board: Board, after: Cursor | None, limit: int) -> tuple[list[Topic], Cursor | None]:
    """One page of a board's visible topics, latest activity first, and the cursor of the next page."""
    topics = Topic.objects.filter(board=board, status=Status.PUBLISHED).select_related("author", "board")
    if after is not None:
        topics = topics.filter(
            Q(last_activity_at__lt=after.at) | Q(last_activity_at=after.at, id__lt=after.id)
        )
    page = list(topics.order_by("-last_activity_at", "-id")[: limit + 1])
    if len(page) > limit:
        page = page[:limit]
        return page, Cursor(page[-1].last_activity_at, page[-1].pk)
    return page, None


def topic_visible_to(*, topic: Topic, viewer: Member | None) -> bool:
    if topic.status == Status.PUBLISHED:
        return True
    return viewer is not None and viewer.is_authenticated and topic.author_id == viewer.pk


def topic_public_posts(*, topic: Topic, after: Cursor | None, limit: int) -> tuple[list[Post], Cursor | None]:
    """One page of what everyone sees of a topic, oldest first (published posts, and removed ones as a
    line), and the cursor of the next page."""
    posts = Post.objects.filter(topic=topic, status__in=[Status.PUBLISHED, Status.REMOVED]).select_related(
        "author"
    )
    if after is not None:
        posts = posts.filter(Q(created_at__gt=after.at) | Q(created_at=after.at, id__gt=after.id))
    page = list(posts.order_by("created_at", "id")[: limit + 1])
    if len(page) > limit:
        page = page[:limit]
        return page, Cursor(page[-1].created_at, page[-1].pk)
    return page, None


def topic_own_held_posts(*, topic: Topic, viewer: Member) -> list[Post]:
    """The viewer's own posts in a topic that only they see (being checked, waiting, not placed), oldest first."""
    posts = Post.objects.filter(
        topic=topic,
        author=viewer,
        status__in=[Status.PENDING, Status.QUEUED, Status.URGENT, Status.REJECTED],
    )
    found = list(posts.order_by("created_at", "id"))
    for post in found:
        post.author = viewer  # no query per post for what the page shows of its writer
    return found


def recognised_in_topic(*, member: Member, topic: Topic) -> set[int]:
    """The posts of a topic the member said "herkenbaar" to."""
    return set(member.reactions.filter(post__topic=topic).values_list("post_id", flat=True))


def member_public_posts(*, member: Member, limit: int = 50) -> QuerySet[Post]:
    """What a member page shows: published posts in published topics, newest first."""
    return (
        Post.objects.filter(author=member, status=Status.PUBLISHED, topic__status=Status.PUBLISHED)
        .select_related("topic", "topic__board")
        .order_by("-created_at")[:limit]
    )


def member_own_posts(*, member: Member, limit: int = 100) -> QuerySet[Post]:
    """A member's own posts of every status, for their account page."""
    return (
        Post.objects.filter(author=member)
        .exclude(status=Status.REMOVED)
        .select_related("topic", "topic__board")
        .order_by("-created_at")[:limit]
    )
