"""What a reminder says, and the ways a channel can fail. Shared by push and email."""

from dataclasses import dataclass

from selftrust.reminders.sources import SOURCES, DueThing

# The notification's title: it names no app and no feeling, in case someone else sees it.
TITLE = "A gentle reminder"


@dataclass(frozen=True)
class ReminderMessage:
    title: str
    body: str
    link: str  # a path on this site
    tag: str  # one notification per thing: a second one replaces the first

    def as_push_payload(self) -> dict:
        return {"title": self.title, "body": self.body, "url": self.link, "tag": self.tag}


def message_for(thing: DueThing, show_words: bool) -> ReminderMessage:
    return ReminderMessage(
        title=TITLE,
        body=SOURCES[thing.kind].wording.say(thing.words, show_words),
        link=thing.link,
        tag=f"{thing.kind}-{thing.item_id}",
    )


class Gone(Exception):
    """Nowhere to send it any more: every device unsubscribed, or the address was removed."""


class DeliveryProblem(Exception):
    """A channel could not deliver. `temporary`: worth trying again later."""

    def __init__(self, reason: str, *, temporary: bool):
        super().__init__(reason)
        self.temporary = temporary
