import factory
from django.utils import timezone

from forum.models import Board, Member, Post, Status, Topic


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"lid{n:04d}")
    age = 15
    age_given_on = factory.LazyFunction(timezone.localdate)
    password = factory.django.Password("geheim-wachtwoord-42")
    # Accounts from before the new-member window, so rate limits don't get in the way of tests.
    date_joined = factory.LazyFunction(lambda: timezone.now() - timezone.timedelta(days=60))


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.Sequence(lambda n: f"forum-{n}")


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    board = factory.SubFactory(BoardFactory)
    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda n: f"Onderwerp {n}")
    status = Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Written directly, as the services do not; keep the board's stored figures as they would.
        from forum.services import board_recount

        topic = super()._create(model_class, *args, **kwargs)
        board_recount(board_id=topic.board_id)
        return topic


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SubFactory(MemberFactory)
    body = "Wat een herkenbaar verhaal."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
