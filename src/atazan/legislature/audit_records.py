"""The legislature's bill stages as the audit log sees them: each step of a bill (a `BillEvent`), keyed
`legislature.bill_event:<bill number>/<seq>`, with its action, stages, date, article and note. `atazan audit
verify` names a step changed or deleted in its table after it was recorded."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from atazan.audit.domain.log import content_digest

if TYPE_CHECKING:
    from atazan.legislature.models import BillEvent

EVENT_KIND = "legislature.bill_event"
_FIELDS = ("action", "stage_from", "stage_to", "on", "actor", "article", "rule", "note", "refused")


def _record(number: str, seq: int, values: Sequence[object]) -> tuple[str, str]:
    body = dict(zip(_FIELDS, values, strict=True))
    body["on"] = str(body["on"])
    return f"{EVENT_KIND}:{number}/{seq}", content_digest(body)


def bill_event_record(event: BillEvent) -> tuple[str, str]:
    """(key, digest) of one recorded step of a bill."""
    return _record(event.bill.number, event.seq, [getattr(event, name) for name in _FIELDS])


def bill_events_resolve(locators: Sequence[str]) -> dict[str, str | None]:
    from atazan.legislature.models import BillEvent

    found: dict[str, str | None] = dict.fromkeys(locators)
    numbers = {locator.rpartition("/")[0] for locator in locators}
    rows = BillEvent.objects.filter(bill__number__in=list(numbers)).values_list("bill__number", "seq", *_FIELDS)
    for number, seq, *values in rows:
        locator = f"{number}/{seq}"
        if locator in found:
            found[locator] = _record(number, seq, values)[1]
    return found


RESOLVERS = {EVENT_KIND: bill_events_resolve}
