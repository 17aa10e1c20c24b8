"""What the forum announces. Other apps listen; the forum imports none of them."""

from django.dispatch import Signal

# Sent after the transaction that saved a post as pending commits. Argument: post_id.
post_submitted = Signal()

# Sent after a member's report of a post commits. Argument: post_id.
post_reported = Signal()
