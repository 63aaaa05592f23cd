"""A precinct commission's protocol of the voting results and the control relations it must satisfy.

Fields: Constitutional Law "On the Nationwide Referendum", Art. 30(1): citizens entitled to take part, citizens who
received ballots, citizens who took part, votes for and against, invalid ballots, ballots valid but not counted
(all options marked, Art. 28(2)). Ballot accounting (received, issued, unused) follows the election law that
Art. 30(2) applies to counting.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from atazan.messages.domain import declare

from .messages import Msg, figure, msg

VOTE_FIELDS = ("registered", "took_part", "yes", "no", "invalid", "not_counted")
BALLOT_FIELDS = ("ballots_received", "ballots_issued", "ballots_unused")


class ProtocolRule(StrEnum):
    """Every way a protocol can be refused; `.source` names where the rule comes from."""

    MALFORMED_ROW = "malformed_row"
    EMPTY_PRECINCT = "empty_precinct"
    MISSING_FIELD = "missing_field"
    NOT_INTEGER = "not_integer"
    NEGATIVE = "negative"
    UNKNOWN_UNIT = "unknown_unit"
    BALANCE = "balance"
    TOOK_PART_EXCEEDS_REGISTERED = "took_part_exceeds_registered"
    TOOK_PART_EXCEEDS_ISSUED = "took_part_exceeds_issued"
    ISSUED_EXCEEDS_RECEIVED = "issued_exceeds_received"
    BALLOT_ACCOUNT = "ballot_account"
    CONFLICTING_DUPLICATE = "conflicting_duplicate"
    BAD_SIGNATURE = "bad_signature"
    PRECINCT_NUMBER = "precinct_number"
    FIGURE_OUT_OF_RANGE = "figure_out_of_range"
    UNREGISTERED_PRECINCT = "unregistered_precinct"
    EXCEEDS_REGISTER = "exceeds_register"
    REGISTER_UNIT = "register_unit"
    REGISTER_DUPLICATE = "register_duplicate"
    ELECTORATE_BOUND = "electorate_bound"

    @property
    def source(self) -> str:
        return _SOURCES[self]


_ART30 = "Referendum Law, Art. 30(1)"
_SOURCES: dict[ProtocolRule, str] = {
    ProtocolRule.MALFORMED_ROW: "CSV row has a different number of cells from the header",
    ProtocolRule.EMPTY_PRECINCT: f"{_ART30}: each protocol is a precinct commission's",
    ProtocolRule.MISSING_FIELD: _ART30,
    ProtocolRule.NOT_INTEGER: f"{_ART30}: the protocol states numbers of citizens and ballots",
    ProtocolRule.NEGATIVE: f"{_ART30}: the protocol states numbers of citizens and ballots",
    ProtocolRule.UNKNOWN_UNIT: "Constitution 2026, Art. 92(3); Referendum Law, Art. 31(3)",
    ProtocolRule.BALANCE: f"{_ART30}(3)-(6); Art. 28: took part = yes + no + invalid + not counted",
    ProtocolRule.TOOK_PART_EXCEEDS_REGISTERED: f"{_ART30}(1),(3): took part <= entitled",
    ProtocolRule.TOOK_PART_EXCEEDS_ISSUED: f"{_ART30}(2),(3): took part <= ballots issued",
    ProtocolRule.ISSUED_EXCEEDS_RECEIVED: "Referendum Law, Art. 30(2) with the election law: issued <= received",
    ProtocolRule.BALLOT_ACCOUNT: "Referendum Law, Art. 30(2) with the election law: received = issued + unused",
    ProtocolRule.CONFLICTING_DUPLICATE: "one protocol per precinct commission (Referendum Law, Art. 23(1)(6))",
    ProtocolRule.BAD_SIGNATURE: "the protocol is signed by its precinct commission",
    ProtocolRule.PRECINCT_NUMBER: "a precinct number is a short code of letters, digits, '-', '_' and '.' (it is "
    "matched against the register and is part of the protocol's address and of the published bundle)",
    ProtocolRule.FIGURE_OUT_OF_RANGE: f"{_ART30}: the protocol counts citizens; no figure can exceed the number "
    "of people in the Republic",
    ProtocolRule.UNREGISTERED_PRECINCT: "precincts are formed, numbered and published before voting (Constitutional "
    "Law on Elections, Art. 23, applied by Referendum Law, Art. 30(2)); the precinct register is the list of them",
    ProtocolRule.EXCEEDS_REGISTER: f"{_ART30}(1): citizens entitled at the precinct, who are on its list; the "
    "register lists them",
    ProtocolRule.REGISTER_UNIT: "Constitution 2026, Art. 92(3): each precinct counts in the unit the register puts "
    "it in",
    ProtocolRule.REGISTER_DUPLICATE: "one precinct, one number (Constitutional Law on Elections, Art. 23)",
    ProtocolRule.ELECTORATE_BOUND: "12,482,613 citizens were entitled to take part on 15 March 2026 (CEC final "
    "protocol, 17 March 2026); no count can list more than that plus a fifth",
}

# The sources are templates without fields, translated like every message (tests/web/test_message_catalogues.py).
declare("referendum", {f"source:{rule.value}": text for rule, text in _SOURCES.items()})

PRECINCT_NUMBER_MAX = 40  # the column's length (referendum.Precinct.number)
PRECINCT_NUMBER_PUNCTUATION = frozenset("-_.")
MAX_FIGURE = 100_000_000
"""Far above any real count (12,482,613 citizens were entitled to vote in 2026) and far below the database's integer
limit: a figure above it is a typing or export error, refused as one instead of failing in the database."""


def precinct_key(number: str) -> str:
    """A precinct number in its normal form, the form it is stored, shown and matched in: Unicode NFKC, surrounding
    white space trimmed, lower case (`str.casefold`). "ABAI-0003 " and "abai-0003" are one precinct; "abai-003" is
    another (no digit, zero or punctuation is ever guessed)."""
    return unicodedata.normalize("NFKC", number).strip().casefold()


def precinct_number_valid(number: str) -> bool:
    """True for a number in normal form of at most `PRECINCT_NUMBER_MAX` characters: letters and digits, with
    '-', '_' or '.' between them, starting with a letter or a digit. No spaces, markup, slashes or control or
    direction characters: the number is part of URLs, file names and the published bundle."""
    return (
        0 < len(number) <= PRECINCT_NUMBER_MAX
        and number == precinct_key(number)
        and number[0].isalnum()
        # every character a letter, a digit or one of the punctuation marks (one test of the string, not one per
        # character: the number starts with a letter or digit, so what is left is never empty)
        and number.replace("-", "").replace("_", "").replace(".", "").isalnum()
    )


def precinct_number_msg(number: str) -> Msg:
    shown = number if len(number) <= PRECINCT_NUMBER_MAX else number[:PRECINCT_NUMBER_MAX] + "…"
    return msg("precinct_number", precinct=repr(shown), limit=PRECINCT_NUMBER_MAX)


@dataclass(frozen=True, slots=True)
class Protocol:
    """The figures of one precinct protocol. `unit` is a unit code; `district` may be empty."""

    precinct: str
    unit: str
    district: str
    registered: int
    took_part: int
    yes: int
    no: int
    invalid: int
    not_counted: int
    ballots_received: int | None = None
    ballots_issued: int | None = None
    ballots_unused: int | None = None
    abroad: bool = False

    def as_dict(self) -> dict[str, str | int | bool | None]:
        return {
            "precinct": self.precinct,
            "unit": self.unit,
            "district": self.district,
            "registered": self.registered,
            "took_part": self.took_part,
            "yes": self.yes,
            "no": self.no,
            "invalid": self.invalid,
            "not_counted": self.not_counted,
            "ballots_received": self.ballots_received,
            "ballots_issued": self.ballots_issued,
            "ballots_unused": self.ballots_unused,
            "abroad": self.abroad,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Protocol:
        """Rebuild from `as_dict()` output; raises TypeError/KeyError on anything else."""
        return cls(
            str(data["precinct"]),
            str(data["unit"]),
            str(data.get("district") or ""),
            _as_int(data["registered"]),
            _as_int(data["took_part"]),
            _as_int(data["yes"]),
            _as_int(data["no"]),
            _as_int(data["invalid"]),
            _as_int(data["not_counted"]),
            _opt_int(data.get("ballots_received")),
            _opt_int(data.get("ballots_issued")),
            _opt_int(data.get("ballots_unused")),
            data.get("abroad") is True,
        )

    def figures(self) -> tuple[int, int, int, int, int, int]:
        return (self.registered, self.took_part, self.yes, self.no, self.invalid, self.not_counted)


def _as_int(value: object) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {value!r}")
    return value


def _opt_int(value: object) -> int | None:
    return None if value is None else _as_int(value)


@dataclass(frozen=True, slots=True)
class Rejection:
    """A protocol refused: which precinct, which rule, and a message a commission clerk can act on."""

    precinct: str
    rule: ProtocolRule
    message: str
    line: int | None = None
    msg: Msg | None = None  # the message as a template with its code, where one exists (else `message` is English)
    fields: tuple[str, ...] = ()  # the protocol's fields the rule concerns, the first the one to show it next to

    @property
    def code(self) -> str:
        """The message's stable code (domain.messages.TEMPLATES); the rule's where the message has none."""
        return self.msg.code if self.msg is not None and self.msg.code else self.rule.value

    def as_dict(self) -> dict[str, str]:
        return {"precinct": self.precinct, "rule": self.rule.value, "code": self.code, "message": self.message}

    @classmethod
    def of(
        cls, precinct: str, rule: ProtocolRule, message: Msg, line: int | None = None, *, fields: tuple[str, ...] = ()
    ) -> Rejection:
        return cls(precinct, rule, message.render(), line, message, fields)


class ProtocolError(ValueError):
    def __init__(self, rejection: Rejection) -> None:
        super().__init__(f"precinct {rejection.precinct}: {rejection.rule.value}: {rejection.message}")
        self.rejection = rejection


def protocol_violations(p: Protocol) -> list[Rejection]:
    """All control relations the protocol breaks (empty when it is consistent)."""
    out: list[Rejection] = []
    pid = p.precinct
    if not pid.strip():
        out.append(Rejection.of(pid, ProtocolRule.EMPTY_PRECINCT, msg("precinct_missing"), fields=("precinct",)))
    elif not precinct_number_valid(precinct_key(pid)):
        out.append(Rejection.of(pid[:PRECINCT_NUMBER_MAX], ProtocolRule.PRECINCT_NUMBER, precinct_number_msg(pid)))
    vote = p.figures()
    ballots = [v for v in (p.ballots_received, p.ballots_issued, p.ballots_unused) if v is not None]
    # The usual protocol has every figure in range, and then nothing to check figure by figure.
    if not (min(vote) >= 0 and max(vote) <= MAX_FIGURE and all(0 <= v <= MAX_FIGURE for v in ballots)):
        out.extend(_figure_violations(p))
    if out:
        return out
    return _relation_violations(p)


def _figure_violations(p: Protocol) -> list[Rejection]:
    """The figures out of range: too large, then negative."""
    out: list[Rejection] = []
    pid = p.precinct
    for name in (*VOTE_FIELDS, *BALLOT_FIELDS):
        value = getattr(p, name)
        if value is not None and value > MAX_FIGURE:
            too_large = msg("figure_too_large", field=figure(name), value=value, limit=MAX_FIGURE)
            out.append(Rejection.of(pid, ProtocolRule.FIGURE_OUT_OF_RANGE, too_large, fields=(name,)))
    for name in VOTE_FIELDS:
        if getattr(p, name) < 0:
            negative = msg("negative", field=figure(name), value=getattr(p, name))
            out.append(Rejection.of(pid, ProtocolRule.NEGATIVE, negative, fields=(name,)))
    for name in BALLOT_FIELDS:
        value = getattr(p, name)
        if value is not None and value < 0:
            out.append(
                Rejection.of(
                    pid, ProtocolRule.NEGATIVE, msg("negative", field=figure(name), value=value), fields=(name,)
                )
            )
    return out


def _relation_violations(p: Protocol) -> list[Rejection]:
    """The control relations between the figures it breaks (all of them in range)."""
    out: list[Rejection] = []
    pid = p.precinct
    counted = p.yes + p.no + p.invalid + p.not_counted
    if counted != p.took_part:
        out.append(
            Rejection.of(
                pid,
                ProtocolRule.BALANCE,
                msg(
                    "balance",
                    took_part=p.took_part,
                    yes=p.yes,
                    no=p.no,
                    invalid=p.invalid,
                    not_counted=p.not_counted,
                    counted=counted,
                ),
                fields=("took_part", "yes", "no", "invalid", "not_counted"),
            )
        )
    if p.took_part > p.registered:
        out.append(
            Rejection.of(
                pid,
                ProtocolRule.TOOK_PART_EXCEEDS_REGISTERED,
                msg("took_part_exceeds_registered", took_part=p.took_part, registered=p.registered),
                fields=("took_part", "registered"),
            )
        )
    if p.ballots_issued is not None and p.took_part > p.ballots_issued:
        out.append(
            Rejection.of(
                pid,
                ProtocolRule.TOOK_PART_EXCEEDS_ISSUED,
                msg("took_part_exceeds_issued", took_part=p.took_part, issued=p.ballots_issued),
                fields=("took_part", "ballots_issued"),
            )
        )
    if p.ballots_issued is not None and p.ballots_received is not None and p.ballots_issued > p.ballots_received:
        out.append(
            Rejection.of(
                pid,
                ProtocolRule.ISSUED_EXCEEDS_RECEIVED,
                msg("issued_exceeds_received", issued=p.ballots_issued, received=p.ballots_received),
                fields=("ballots_issued", "ballots_received"),
            )
        )
    if (
        p.ballots_issued is not None
        and p.ballots_received is not None
        and p.ballots_unused is not None
        and p.ballots_issued + p.ballots_unused != p.ballots_received
    ):
        out.append(
            Rejection.of(
                pid,
                ProtocolRule.BALLOT_ACCOUNT,
                msg(
                    "ballot_account",
                    received=p.ballots_received,
                    issued=p.ballots_issued,
                    unused=p.ballots_unused,
                    total=p.ballots_issued + p.ballots_unused,
                ),
                fields=("ballots_received", "ballots_issued", "ballots_unused"),
            )
        )
    return out


def protocol_check(p: Protocol) -> Protocol:
    """Return the protocol if it satisfies every control relation; raise `ProtocolError` with the first one broken."""
    violations = protocol_violations(p)
    if violations:
        raise ProtocolError(violations[0])
    return p
