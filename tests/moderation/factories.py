import factory

from moderation.models import Review
from tests.forum.factories import PostFactory


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review

    post = factory.SubFactory(PostFactory, status="queued")
    board = factory.LazyAttribute(lambda o: o.post.topic.board)
    kind = Review.Kind.HELD
