"""What the forum announces. Other apps listen; the forum imports none of them."""

from django.dispatch import Signal

# Sent after the transaction that saved a post as pending commits. Argument: post_id.
post_submitted = Signal()

# Sent after a member's report of a post commits. Argument: post_id.
post_reported = Signal()

# Sent when what visitors of the forum see changes: a topic or post went on or off the forum, a
# reaction was given or taken back, a member was deleted. No arguments. Sent inside the transaction
# that makes the change: a listener that needs the change committed uses transaction.on_commit.
forum_changed = Signal()

# Sent inside the transaction that deletes an account, before the member row goes. Arguments:
# member_id, nickname. Listeners remove the nickname from what they keep (the audit log keeps its
# decisions under "oud-lid").
member_deleting = Signal()
