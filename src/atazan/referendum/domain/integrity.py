"""Signed protocols and the publication bundle that anyone can verify without the database.

Each precinct commission signs its protocol with an Ed25519 key (PyNaCl). The published bundle is JSON Lines, one
canonical JSON object per line (sorted keys, no spaces, UTF-8):

1. a header: the referendum, the question kind, the 20 units, where abroad precincts count, every commission's
   public key, the number of records, and how final the result is when it was published: the precincts on the
   register (`register_precincts`) and the protocols waiting in review (`in_review`);
2. one record per protocol: sequence number, commission, version, figures, the commission's signature, and a hash
   chain (`prev` = SHA-256 of the previous line's bytes; the first record links to the header line);
3. a footer: the head of the chain, the totals and the outcome as published, signed by the Central Referendum
   Commission's key.

Because every line must be byte-for-byte canonical, any change to any byte is caught: as broken JSON, as a
non-canonical line, or as a mismatching hash, signature or total. `bundle_verify` recomputes every total and the
outcome from the records alone and says which records were changed, are missing or were reordered.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum

from nacl.bindings import crypto_sign_open
from nacl.exceptions import BadSignatureError, CryptoError
from nacl.signing import SigningKey, VerifyKey

from .adoption import QuestionKind
from .messages import VOICE, Msg
from .protocol import Protocol, protocol_violations
from .tally import TallyResult, tally
from .units import UNITS, Unit, UnitRegistry

BUNDLE_FORMAT = "atazan-referendum-bundle/1"


def canonical(obj: object) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def commission_id(protocol: Protocol) -> str:
    """The precinct commission that signs a protocol: `<unit code>/<precinct>`."""
    return f"{protocol.unit}/{protocol.precinct}"


def signed_payload(protocol: Protocol, version: int) -> bytes:
    """Exactly the bytes a commission signs: its id, the protocol version and every figure.

    A fixed, length-prefixed layout (not JSON) so that signing and checking 10,000 protocols stays cheap.
    """
    p = protocol

    def text(value: str) -> str:
        return f"{len(value)}:{value}"

    def num(value: int | None) -> str:
        return "-" if value is None else str(value)

    return "|".join(
        (
            "atazan-protocol/1",
            text(commission_id(p)),
            str(version),
            text(p.precinct),
            text(p.unit),
            text(p.district),
            str(p.registered),
            str(p.took_part),
            str(p.yes),
            str(p.no),
            str(p.invalid),
            str(p.not_counted),
            num(p.ballots_received),
            num(p.ballots_issued),
            num(p.ballots_unused),
            "abroad" if p.abroad else "home",
        )
    ).encode("utf-8")


def derive_signing_key(secret: bytes, name: str) -> SigningKey:
    """A deterministic key for `name` from a secret (used for demo commissions; real ones hold their own key)."""
    return SigningKey(hashlib.sha256(secret + b"\x00" + name.encode("utf-8")).digest())


def protocol_sign(protocol: Protocol, version: int, key: SigningKey) -> bytes:
    return bytes(key.sign(signed_payload(protocol, version)).signature)


def protocol_signature_valid(protocol: Protocol, version: int, signature: bytes, public_key: bytes) -> bool:
    try:
        crypto_sign_open(signature + signed_payload(protocol, version), public_key)
    except (BadSignatureError, CryptoError, ValueError, TypeError):
        return False
    return True


@dataclass(frozen=True, slots=True)
class SignedProtocol:
    protocol: Protocol
    version: int
    signature: bytes
    public_key: bytes


@dataclass(frozen=True, slots=True)
class BundleMeta:
    title: str
    date: str
    question: str
    kind: QuestionKind
    synthetic: bool
    abroad_unit: str = "astana"
    units: tuple[Unit, ...] = UNITS
    register_precincts: int | None = None  # precincts on the register when the bundle was published
    in_review: int | None = None  # protocols then waiting in review


def _result_claim(result: TallyResult) -> dict[str, object]:
    claim = result.as_json()
    claim.pop("rejected")
    claim["precincts"] = result.totals.precincts
    return claim


def bundle_build(
    entries: Sequence[SignedProtocol],
    meta: BundleMeta,
    authority: SigningKey,
    *,
    audit_checkpoint: Mapping[str, object] | None = None,
) -> bytes:
    """Serialise signed protocols into a bundle; the footer's totals are computed here from the same records."""
    keys = {commission_id(e.protocol): e.public_key.hex() for e in entries}
    header = {
        "type": "header",
        "format": BUNDLE_FORMAT,
        "referendum": {"title": meta.title, "date": meta.date, "question": meta.question},
        "kind": meta.kind.value,
        "synthetic": meta.synthetic,
        "units": [{"code": u.code, "name_en": u.name_en} for u in meta.units],
        "abroad_unit": meta.abroad_unit,
        "keys": keys,
        "count": len(entries),
    }
    if meta.register_precincts is not None:
        header["register_precincts"] = meta.register_precincts
    if meta.in_review is not None:
        header["in_review"] = meta.in_review
    lines = [canonical(header)]
    prev = sha256_hex(lines[0])
    header_hash = prev
    for seq, e in enumerate(entries, start=1):
        record = {
            "type": "record",
            "seq": seq,
            "commission": commission_id(e.protocol),
            "version": e.version,
            "protocol": e.protocol.as_dict(),
            "signature": e.signature.hex(),
            "prev": prev,
        }
        line = canonical(record)
        prev = sha256_hex(line)
        lines.append(line)
    registry = UnitRegistry(meta.units, abroad_unit=meta.abroad_unit)
    result = tally((e.protocol for e in entries), kind=meta.kind, registry=registry)
    result = replace(result, register_size=meta.register_precincts, in_review=meta.in_review)
    footer: dict[str, object] = {
        "type": "footer",
        "count": len(entries),
        "header_hash": header_hash,
        "head": prev,
        "result": _result_claim(result),
        "authority_key": bytes(authority.verify_key).hex(),
    }
    if audit_checkpoint is not None:
        # the audit log's signed checkpoint when the bundle was made (docs/security.md): what the log held then
        footer["audit_checkpoint"] = dict(audit_checkpoint)
    footer["signature"] = bytes(authority.sign(canonical(footer)).signature).hex()
    lines.append(canonical(footer))
    return b"\n".join(lines) + b"\n"


class ProblemKind(StrEnum):
    MALFORMED = "malformed"  # not JSON, not canonical, wrong structure
    CHANGED = "changed"  # hash or signature does not match the content
    MISSING = "missing"
    REORDERED = "reordered"
    DUPLICATE = "duplicate"
    CHAIN = "chain"  # a record does not link to the one before it
    TOTALS = "totals"  # published totals differ from the recomputed ones
    AUTHORITY = "authority"  # footer signature or authority key


@dataclass(frozen=True, slots=True)
class Problem:
    """What is wrong with a bundle: ``message`` in English (the JSON report's), ``msg`` the same for any language."""

    kind: ProblemKind
    message: str
    seq: int | None = None
    precinct: str | None = None
    msg: Msg | None = None

    @classmethod
    def of(cls, kind: ProblemKind, message: Msg, seq: int | None = None, precinct: str | None = None) -> Problem:
        return cls(kind, message.render(), seq, precinct, message)

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind.value, "seq": self.seq, "precinct": self.precinct, "message": self.message}


@dataclass(slots=True)
class VerifyReport:
    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    result: TallyResult | None = None
    synthetic: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and self.result is not None

    def as_json(self) -> dict[str, object]:
        return {
            "ok": self.ok,
            "records": self.records,
            "synthetic": self.synthetic,
            "problems": [p.as_dict() for p in self.problems],
            "result": self.result.as_json() if self.result else None,
        }


def _parse_line(raw: bytes, index: int, problems: list[Problem], *, strict: bool = True) -> dict[str, object] | None:
    """Parse one line. `strict` also demands the canonical bytes; record lines need not be re-encoded because the
    next line's `prev` (or the footer's `head`) already pins every byte of them."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(
            Problem.of(
                ProblemKind.MALFORMED, VOICE.msg("line {line}: not valid JSON ({error})", line=index, error=str(exc))
            )
        )
        return None
    if not isinstance(obj, dict):
        problems.append(Problem.of(ProblemKind.MALFORMED, VOICE.msg("line {line}: not a JSON object", line=index)))
        return None
    if strict and canonical(obj) != raw:
        problems.append(
            Problem.of(
                ProblemKind.MALFORMED, VOICE.msg("line {line}: bytes differ from the canonical form", line=index)
            )
        )
    return obj


def bundle_verify(data: bytes, *, authority_key: bytes | None = None) -> VerifyReport:
    """Check a bundle using nothing but its bytes (and, optionally, a pinned authority key)."""
    report = VerifyReport()
    problems = report.problems
    if not data.endswith(b"\n"):
        problems.append(
            Problem.of(ProblemKind.MALFORMED, VOICE.msg("the bundle does not end with a newline (truncated?)"))
        )
    raw_lines = data.split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    if len(raw_lines) < 2:
        problems.append(Problem.of(ProblemKind.MALFORMED, VOICE.msg("a bundle has at least a header and a footer")))
        return report
    header = _parse_line(raw_lines[0], 1, problems)
    footer = _parse_line(raw_lines[-1], len(raw_lines), problems)
    if header is None or header.get("type") != "header" or header.get("format") != BUNDLE_FORMAT:
        problems.append(
            Problem.of(ProblemKind.MALFORMED, VOICE.msg("line 1 is not a {format} header", format=BUNDLE_FORMAT))
        )
        return report
    if footer is None or footer.get("type") != "footer":
        problems.append(Problem.of(ProblemKind.MALFORMED, VOICE.msg("the last line is not a footer (truncated?)")))
        footer = None
    try:
        kind = QuestionKind(str(header["kind"]))
        units = tuple(
            next((u for u in UNITS if u.code == item["code"]), None)
            or Unit(
                str(item["code"]),
                str(item["name_en"]),
                str(item["name_en"]),
                str(item["name_en"]),
                UNITS[0].kind,
                (0, 0),
                0,
            )
            for item in _as_list(header["units"])
        )
        registry = UnitRegistry(units, abroad_unit=str(header["abroad_unit"]))
        keys = header["keys"]
        declared = int(str(header["count"]))
        register_precincts = _opt_count(header.get("register_precincts"))
        in_review = _opt_count(header.get("in_review"))
        if not isinstance(keys, dict):
            raise TypeError("keys")
    except (KeyError, TypeError, ValueError, LookupError) as exc:
        problems.append(
            Problem.of(
                ProblemKind.MALFORMED, VOICE.msg("line 1: header field missing or wrong ({error})", error=str(exc))
            )
        )
        return report
    report.synthetic = bool(header.get("synthetic"))
    header_hash = sha256_hex(raw_lines[0])

    protocols: list[Protocol] = []
    seqs: list[int] = []
    prev_hash = header_hash
    for index, raw in enumerate(raw_lines[1:-1], start=2):
        rec = _parse_line(raw, index, problems, strict=False)
        if rec is None:
            prev_hash = ""
            continue
        try:
            seq = int(str(rec["seq"]))
            version = int(str(rec["version"]))
            protocol = Protocol.from_dict(_as_dict(rec["protocol"]))
            signature = bytes.fromhex(str(rec["signature"]))
            commission = str(rec["commission"])
            key_hex = keys.get(commission)
            public_key = bytes.fromhex(key_hex) if isinstance(key_hex, str) else None
        except (KeyError, TypeError, ValueError) as exc:
            problems.append(
                Problem.of(
                    ProblemKind.MALFORMED,
                    VOICE.msg("line {line}: record field missing or wrong ({error})", line=index, error=str(exc)),
                )
            )
            prev_hash = ""
            continue
        report.records += 1
        if commission != commission_id(protocol) or public_key is None:
            problems.append(
                Problem.of(
                    ProblemKind.CHANGED,
                    VOICE.msg(
                        "record {seq}: commission {commission} has no key in the header or does not match the protocol",
                        seq=seq,
                        commission=repr(commission),
                    ),
                    seq,
                    protocol.precinct,
                )
            )
        elif not protocol_signature_valid(protocol, version, signature, public_key):
            problems.append(
                Problem.of(
                    ProblemKind.CHANGED,
                    VOICE.msg("record {seq}: the commission's signature does not match the protocol", seq=seq),
                    seq,
                    protocol.precinct,
                )
            )
        if rec.get("prev") != prev_hash:
            problems.append(
                Problem.of(
                    ProblemKind.CHAIN,
                    VOICE.msg(
                        "record {seq}: does not link to the line before it (that line was changed, removed or moved)",
                        seq=seq,
                    ),
                    seq,
                    protocol.precinct,
                )
            )
        for violation in protocol_violations(protocol):
            problems.append(
                Problem.of(
                    ProblemKind.CHANGED,
                    VOICE.msg("record {seq}: {problem}", seq=seq, problem=violation.msg or violation.message),
                    seq,
                    protocol.precinct,
                )
            )
        prev_hash = sha256_hex(raw)
        seqs.append(seq)
        protocols.append(protocol)

    seen: set[int] = set()
    highest = 0
    for seq in seqs:
        if seq in seen:
            problems.append(
                Problem.of(ProblemKind.DUPLICATE, VOICE.msg("record {seq} appears more than once", seq=seq), seq)
            )
        elif seq < highest:
            problems.append(
                Problem.of(
                    ProblemKind.REORDERED,
                    VOICE.msg("record {seq} comes after record {highest}", seq=seq, highest=highest),
                    seq,
                )
            )
        seen.add(seq)
        highest = max(highest, seq)
    for seq in sorted(set(range(1, declared + 1)) - seen):
        problems.append(
            Problem.of(
                ProblemKind.MISSING, VOICE.msg("record {seq} of {count} is missing", seq=seq, count=declared), seq
            )
        )
    for seq in sorted(s for s in seen if not 1 <= s <= declared):
        problems.append(
            Problem.of(
                ProblemKind.DUPLICATE,
                VOICE.msg("record {seq} is beyond the declared count {count}", seq=seq, count=declared),
                seq,
            )
        )

    result = replace(
        tally(protocols, kind=kind, registry=registry), register_size=register_precincts, in_review=in_review
    )
    report.result = result
    if footer is not None:
        _check_footer(footer, result, prev_hash, header_hash, declared, authority_key, problems)
    return report


def _audit_checkpoint_valid(data: object) -> bool:
    from atazan.audit.domain.checkpoint import CheckpointError, checkpoint_from_dict, checkpoint_signature_valid

    try:
        return checkpoint_signature_valid(checkpoint_from_dict(data))
    except CheckpointError:
        return False


def _check_footer(
    footer: dict[str, object],
    result: TallyResult,
    head: str,
    header_hash: str,
    declared: int,
    authority_key: bytes | None,
    problems: list[Problem],
) -> None:
    body = {k: v for k, v in footer.items() if k != "signature"}
    try:
        key = _hex(str(footer["authority_key"]))
        VerifyKey(key).verify(canonical(body), _hex(str(footer["signature"])))
    except (KeyError, BadSignatureError, ValueError, TypeError):
        problems.append(
            Problem.of(ProblemKind.AUTHORITY, VOICE.msg("footer: the Central Commission's signature does not match"))
        )
        key = b""
    if authority_key is not None and key != authority_key:
        problems.append(
            Problem.of(ProblemKind.AUTHORITY, VOICE.msg("footer: signed by a key other than the pinned authority key"))
        )
    if "audit_checkpoint" in footer and not _audit_checkpoint_valid(footer["audit_checkpoint"]):
        problems.append(
            Problem.of(ProblemKind.AUTHORITY, VOICE.msg("footer: the audit log checkpoint's signature does not match"))
        )
    if footer.get("head") != head:
        problems.append(
            Problem.of(ProblemKind.CHAIN, VOICE.msg("footer: the chain head does not match the last record"))
        )
    if footer.get("header_hash") != header_hash:
        problems.append(Problem.of(ProblemKind.CHAIN, VOICE.msg("footer: the header was changed")))
    if footer.get("count") != declared:
        problems.append(Problem.of(ProblemKind.MISSING, VOICE.msg("footer: record count differs from the header's")))
    claim = footer.get("result")
    recomputed = _result_claim(result)
    if not isinstance(claim, dict):
        problems.append(Problem.of(ProblemKind.TOTALS, VOICE.msg("footer: no published result")))
        return
    for name, value in recomputed.items():
        if claim.get(name) != value:
            problems.append(
                Problem.of(
                    ProblemKind.TOTALS,
                    VOICE.msg(
                        "published {name} differs from the recomputed one: {published} != {recomputed}",
                        name=name,
                        published=_short(claim.get(name)),
                        recomputed=_short(value),
                    ),
                )
            )


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) < 200 else text[:200] + "…"


def _opt_count(value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value < 0:
        raise ValueError(f"expected a count, got {value!r}")
    return value


def _hex(value: str) -> bytes:
    return bytes.fromhex(value)


def _as_list(value: object) -> list[dict[str, object]]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return [_as_dict(v) for v in value]


def _as_dict(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise TypeError("expected an object")
    return value


def sign_all(protocols: Iterable[Protocol], secret: bytes, version: int = 1) -> list[SignedProtocol]:
    """Sign each protocol with its commission's key derived from `secret` (demo and benchmark use)."""
    out = []
    for p in protocols:
        key = derive_signing_key(secret, commission_id(p))
        out.append(SignedProtocol(p, version, protocol_sign(p, version, key), bytes(key.verify_key)))
    return out
