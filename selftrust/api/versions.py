"""ETag and If-Match for the API: a client that says which version it changes is never
allowed to overwrite a newer one (412), and a client that does not say still works."""

from django.http import HttpResponse
from ninja import Header

from selftrust.versioning import UnreadableIfMatch, version_from_if_match

IF_MATCH = Header(
    None,
    alias="If-Match",
    description='The ETag you read (e.g. "v3"). If the thing changed since, nothing is '
    "saved and the answer is 412. Leave it out to save whatever is there now.",
)


def expected(if_match: str | None) -> frozenset[int] | None:
    """The versions an `If-Match` names; an unreadable one matches nothing (RFC 9110)."""
    try:
        return version_from_if_match(if_match)
    except UnreadableIfMatch:
        return frozenset()


def tag(response: HttpResponse, thing) -> None:
    response["ETag"] = thing.etag
