"""The referendum's official records as the audit log sees them: each protocol version, keyed
`referendum.protocol:<question slug>/<precinct number>/v<version>`, with the digest of what a commission and the
CEC answer for (its figures, its signature and, for a correction, its reason). `atazan audit verify` recomputes
the digest from the stored row and names any version changed or deleted without a new audit entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from atazan.audit.domain.log import content_digest
from atazan.referendum.domain.protocol import BALLOT_FIELDS, VOTE_FIELDS

PROTOCOL_KIND = "referendum.protocol"
_FIGURES = VOTE_FIELDS + BALLOT_FIELDS


def protocol_record(
    *, question: str, precinct: str, version: int, figures: Mapping[str, int | None], signature: str, reason: str
) -> tuple[str, str]:
    """(key, digest) of one protocol version, for `audit_append(records=…)`."""
    body = {"figures": {name: figures[name] for name in _FIGURES}, "signature": signature, "reason": reason}
    return f"{PROTOCOL_KIND}:{question}/{precinct}/v{version}", content_digest(body)


def protocols_resolve(locators: Sequence[str]) -> dict[str, str | None]:
    from atazan.referendum.models import ProtocolVersion

    wanted: dict[str, set[str]] = {}
    for locator in locators:
        slug, _, _rest = locator.partition("/")
        wanted.setdefault(slug, set()).add(locator)
    found: dict[str, str | None] = dict.fromkeys(locators)
    for slug, keys in wanted.items():
        rows = ProtocolVersion.objects.filter(question__slug=slug).values_list(
            "precinct__number", "version", "signature", "reason", *_FIGURES
        )
        for number, version, signature, reason, *values in rows.iterator(chunk_size=5000):
            locator = f"{slug}/{number}/v{version}"
            if locator in keys:
                _key, digest = protocol_record(
                    question=slug,
                    precinct=number,
                    version=version,
                    figures=dict(zip(_FIGURES, values, strict=True)),
                    signature=signature,
                    reason=reason,
                )
                found[locator] = digest
    return found


RESOLVERS = {PROTOCOL_KIND: protocols_resolve}
