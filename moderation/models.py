"""What screening decided, and why: kept for moderators and figures, without the text itself."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forum.models import Post


class Screening(models.Model):
    """One run of the filter over one part of a post (its text, or its topic's title)."""

    class Part(models.TextChoices):
        BODY = "body", _("bericht")
        TITLE = "title", _("titel")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="screenings")
    part = models.CharField(max_length=5, choices=Part.choices, default=Part.BODY)
    decision = models.CharField(max_length=10)
    # [{type, start, end, score, source}]: offsets into the original, never its words.
    findings = models.JSONField(default=list)
    reasons = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["decision", "created_at"])]
        verbose_name = _("screening")

    def __str__(self) -> str:
        return f"screening of post {self.post_id} ({self.part}): {self.decision}"
