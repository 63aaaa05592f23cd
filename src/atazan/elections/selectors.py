"""Reads of the elections context: results, seats, deputies, events, "what if" allocations, NIST export."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language

from atazan.elections import models
from atazan.elections.domain import Allocation, Method, allocate, allocation_steps
from atazan.elections.domain.allocation import AllocationInput, PartyList
from atazan.elections.domain.explain import Msg, decimal_text
from atazan.elections.hemicycle import Seat, hemicycle
from atazan.elections.translation import RenderedStep, steps_render
from atazan.standards.names import party_name


def election_list() -> QuerySet[models.Election]:
    return models.Election.objects.all()


def election_get(*, slug: str) -> models.Election:
    return models.Election.objects.get(slug=slug)


def allocation_latest(*, election: models.Election) -> models.SeatAllocation | None:
    return election.allocations.filter(method=Method.HARE.value).first()


@dataclass(frozen=True)
class SeatRow:
    party: str
    color: str
    registration_order: int
    votes: int
    share: str
    admitted: bool
    admission: str
    quotient: str
    whole: int
    extra: int
    seats: int
    seat_share: str


@dataclass(frozen=True)
class AllocationView:
    """Everything a results or "what if" page shows about one allocation."""

    allocation: Allocation
    rows: list[SeatRow]
    steps: tuple[RenderedStep, ...]  # in the active language
    seats: list[Seat]
    width: float
    height: float
    quota: str


def allocation_view(result: Allocation, colors: Mapping[str, str]) -> AllocationView:
    rows = [
        SeatRow(
            party=o.party,
            color=colors.get(o.party, "#888888"),
            registration_order=o.registration_order,
            votes=o.votes,
            share=decimal_text(Fraction(o.votes * 100, result.took_part)),
            admitted=o.admitted,
            admission=o.admission.value,
            quotient=decimal_text(o.quotient, 4) if o.quotient is not None else "",
            whole=o.whole,
            extra=o.extra,
            seats=o.seats,
            seat_share=decimal_text(Fraction(o.seats * 100, result.seats_total)),
        )
        for o in result.outcomes
    ]
    parties = [(r.party, r.seats, r.color) for r in rows if r.seats]
    seats, width, height = hemicycle(parties, total=result.seats_total)
    quota = decimal_text(result.quota, 4) if result.quota is not None else ""
    steps = tuple(replace(step, message=_parties_named(step.message)) for step in allocation_steps(result))
    return AllocationView(result, rows, steps_render(steps), seats, width, height, quota)


def _parties_named(message: Msg) -> Msg:
    """``message`` with every party it names (a ``party`` field, or a list of parties and seats in a text field)
    written in the reader's language, from the one source of names (issue 15)."""
    language = get_language()

    def named(key: str, value: object) -> object:
        if isinstance(value, Msg):
            return _parties_named(value)
        if isinstance(value, str) and key == "party":
            return party_name(value, language)
        if isinstance(value, str) and key == "summary":  # "Tulpar 64, Samal 18, …" (explain.T_RESULT)
            return ", ".join(_party_item(item, language) for item in value.split(", "))
        return value

    return replace(message, params=tuple((k, named(k, v)) for k, v in message.params))  # type: ignore[misc]


def _party_item(item: str, language: str | None) -> str:
    """One "Party 12" item of a list: the party's name in ``language``, its figure kept."""
    party, _, figure = item.rpartition(" ")
    return f"{party_name(party, language)} {figure}" if party and figure.isdigit() else party_name(item, language)


def election_input(*, election: models.Election) -> AllocationInput:
    lists = tuple(
        PartyList(party=pl.party, votes=pl.votes, registration_order=pl.registration_order)
        for pl in election.party_lists.all()
    )
    return AllocationInput(seats=election.seats, took_part=election.took_part, lists=lists,
                           threshold=election.threshold)  # fmt: skip


def election_colors(*, election: models.Election) -> dict[str, str]:
    return {pl.party: pl.color for pl in election.party_lists.all()}


def election_allocation_view(*, election: models.Election, method: Method = Method.HARE) -> AllocationView:
    return allocation_view(allocate(election_input(election=election), method), election_colors(election=election))


def deputies_by_party(*, election: models.Election) -> list[tuple[models.PartyList, list[models.Mandate]]]:
    out = []
    for plist in election.party_lists.all():
        current = list(plist.mandates.filter(ended__isnull=True).select_related("candidate"))
        if current:
            out.append((plist, current))
    return out


def mandate_events(*, election: models.Election) -> QuerySet[models.MandateEvent]:
    return election.mandate_events.select_related("party_list", "mandate__candidate")


def rejected_rows(*, election: models.Election) -> QuerySet[models.RejectedRow]:
    """Refused rows still waiting for review (an operator closes each with ``services.rejected_row_review``)."""
    return election.rejected_rows.filter(reviewed_at__isnull=True)


# The imports a seat result is computed from: a refused row of these may be a list, or votes, the result leaves out.
# A refused candidate changes who may take a seat, not how many seats a list has; it waits in the same queue.
RESULT_IMPORTS = ("lists", "results")


def review_pending(*, election: models.Election) -> int:
    """How many refused register or results rows wait for review. While any does, the election's results are
    provisional ("complete": false on the API, the CLI, the page and the NIST export)."""
    return rejected_rows(election=election).filter(import_kind__in=RESULT_IMPORTS).count()


def nist_report(*, election: models.Election) -> dict[str, Any]:
    """The election's results as a NIST SP 1500-100 v2 ``ElectionReport`` (``atazan.elections.nist_export``)."""
    from atazan.elections.nist_export import nist_report as report

    return report(election=election)


# ---------------------------------------------------------------------------------------------------------------------
# results by region: a tile map of the 20 units (the referendum context's list) and a table

TILE = 84  # px per tile on the map
TILE_GAP = 4


@dataclass(frozen=True)
class RegionRow:
    code: str
    name: str
    x: int
    y: int
    label: tuple[str, ...]  # the name on up to two lines for the tile
    total: int  # votes for all lists in the unit (the share's base)
    leader: str
    leader_color: str
    leader_share: str
    party_votes: int | None  # the chosen party's
    party_share: str
    fill: str
    has_data: bool


@dataclass(frozen=True)
class RegionMap:
    rows: list[RegionRow]
    party: models.PartyList | None
    width: int
    height: int
    national_share: str  # the chosen party's share of all list votes nationally


def _mix(color: str, weight: Fraction) -> str:
    """``color`` mixed with white: weight 0 is white, 1 the colour itself (display only)."""
    try:
        r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    except ValueError:
        r, g, b = 0x88, 0x88, 0x88
    w = max(Fraction(0), min(Fraction(1), weight))

    def channel(c: int) -> int:
        return round(255 - (255 - c) * w)

    return f"#{channel(r):02x}{channel(g):02x}{channel(b):02x}"


_ABBREVIATIONS = ((" Region", " reg."), (" облысы", " обл."), (" область", " обл."), ("Область ", "обл. "))


def _tile_label(name: str, width: int = 13) -> tuple[str, ...]:
    """The unit's name on up to three short lines for its tile ("Almaty reg." and "Almaty" stay apart)."""
    short = name
    for long, abbreviated in _ABBREVIATIONS:
        short = short.replace(long, abbreviated)
    parts: list[str] = []
    for word in short.split():
        pieces = word.split("-")
        parts.extend([p + "-" for p in pieces[:-1]] + [pieces[-1]])
    lines: list[str] = []
    for part in parts:
        if lines and len(lines[-1]) + len(part) + (0 if lines[-1].endswith("-") else 1) <= width:
            lines[-1] += part if lines[-1].endswith("-") else " " + part
        else:
            lines.append(part)
    return tuple(lines[:3])


def region_map(*, election: models.Election, party: models.PartyList | None = None) -> RegionMap:
    """The 20 units coloured by the leading list (or by ``party``'s share of the list votes in each unit).

    Shares are of the votes for all lists in the unit (the regional results hold list votes only); exact fractions,
    rounded for display."""
    from django.utils.translation import get_language

    from atazan.referendum.domain.units import UNITS

    language = get_language() or "en"
    lists = list(election.party_lists.all())
    colors = {pl.pk: pl.color for pl in lists}
    names = {pl.pk: pl.party for pl in lists}
    votes: dict[str, dict[int, int]] = {}
    for rr in models.RegionResult.objects.filter(party_list__election=election):
        votes.setdefault(rr.region_code, {})[rr.party_list_id] = rr.votes
    shares = []
    for unit in UNITS:
        by_list = votes.get(unit.code, {})
        total = sum(by_list.values())
        if party is not None and total:
            shares.append(Fraction(by_list.get(party.pk, 0), total))
    top = max(shares, default=Fraction(0))
    rows: list[RegionRow] = []
    for unit in UNITS:
        by_list = votes.get(unit.code, {})
        total = sum(by_list.values())
        col, row = unit.tile
        name = unit.name(language)
        base: dict[str, Any] = {"code": unit.code, "name": name, "x": col * (TILE + TILE_GAP),
                                "y": row * (TILE + TILE_GAP), "label": _tile_label(name), "total": total}  # fmt: skip
        if not total:
            rows.append(RegionRow(**base, leader="", leader_color="#dddddd", leader_share="", party_votes=None,
                                  party_share="", fill="#eeeeee", has_data=False))  # fmt: skip
            continue
        # Equal votes: the list registered earlier is named first (lists come in registration order).
        leader_pk = max(by_list, key=lambda pk: (by_list[pk], -[pl.pk for pl in lists].index(pk)))
        leader_share = Fraction(by_list[leader_pk], total)
        if party is not None:
            own = by_list.get(party.pk, 0)
            share = Fraction(own, total)
            fill = _mix(party.color, share / top if top else Fraction(0))
            party_votes: int | None = own
            party_share = decimal_text(share * 100)
        else:
            fill = _mix(colors[leader_pk], Fraction(1, 3) + Fraction(2, 3) * leader_share)
            party_votes, party_share = None, ""
        rows.append(RegionRow(**base, leader=names[leader_pk], leader_color=colors[leader_pk],
                              leader_share=decimal_text(leader_share * 100), party_votes=party_votes,
                              party_share=party_share, fill=fill, has_data=True))  # fmt: skip
    cols = max(u.tile[0] for u in UNITS) + 1
    lines = max(u.tile[1] for u in UNITS) + 1
    national = ""
    if party is not None:
        all_votes = sum(pl.votes for pl in lists)
        national = decimal_text(Fraction(party.votes * 100, all_votes)) if all_votes else ""
    return RegionMap(rows, party, cols * (TILE + TILE_GAP), lines * (TILE + TILE_GAP), national)


# ---------------------------------------------------------------------------------------------------------------------
# a party's list: candidates in list order, who was elected, the 30% rule, vacancies and successors


@dataclass(frozen=True)
class CandidateRow:
    candidate: models.Candidate
    age: int
    categories: tuple[str, ...]
    mandates: list[models.Mandate]
    status: str  # "sitting", "ended", "not-elected"


@dataclass(frozen=True)
class QuotaReport:
    mandates: int
    sitting: int
    women: int
    youth: int
    disability: int
    represented: int
    required: int
    met: bool
    ref: str
    on_day: Any


@dataclass(frozen=True)
class PartyPage:
    party_list: models.PartyList
    seats_won: int
    candidates: list[CandidateRow]
    quota: QuotaReport
    vacancies: list[models.MandateEvent]
    successions: list[models.Mandate]  # mandates that took over a seat, with .predecessor


def party_list_get(*, election: models.Election, registration_order: int) -> models.PartyList:
    return election.party_lists.get(registration_order=registration_order)


def _seats_won(election: models.Election, plist: models.PartyList) -> int:
    stored = allocation_latest(election=election)
    if stored is not None:
        return int(stored.seats.get(plist.party, 0))
    try:
        return allocate(election_input(election=election)).seats.get(plist.party, 0)
    except Exception:  # noqa: BLE001 - an election whose results cannot be allocated shows 0 won
        return 0


def party_page(*, election: models.Election, party_list: models.PartyList, on_day: Any = None) -> PartyPage:
    """Everything the party page shows. The 30% rule (Constitutional Law on Elections, Art. 97-1(5), third paragraph)
    is checked on the deputies sitting on ``on_day`` (default: today, or election day if that is later), counting each
    person once even when in several categories, against the seats the party won."""
    from datetime import date as _date

    from atazan.elections.domain import candidates as dcand

    day = on_day or max(_date.today(), election.election_day)
    mandates = list(party_list.mandates.select_related("candidate", "predecessor__candidate").order_by("started", "id"))
    by_candidate: dict[int, list[models.Mandate]] = {}
    for m in mandates:
        by_candidate.setdefault(m.candidate_id, []).append(m)
    rows = []
    domain_by_key: dict[str, dcand.Candidate] = {}
    for c in party_list.candidates.all():
        domain = dcand.Candidate(c.key, c.full_name, c.birth_date, dcand.Gender(c.gender), c.disability, c.citizen,
                                 c.resident_since)  # fmt: skip
        domain_by_key[c.key] = domain
        cats = tuple(sorted(x.value for x in dcand.candidate_categories(domain, day)))
        held = by_candidate.get(c.pk, [])
        status = "not-elected" if not held else ("sitting" if any(m.ended is None for m in held) else "ended")
        rows.append(CandidateRow(c, dcand.age_on(c.birth_date, day), cats, held, status))
    sitting = [r for r in rows if r.status == "sitting"]
    won = _seats_won(election, party_list)
    check = dcand.quota_check([domain_by_key[r.candidate.key] for r in sitting], mandates=won, on_day=day)
    quota = QuotaReport(
        mandates=won,
        sitting=len(sitting),
        women=sum(1 for r in sitting if "woman" in r.categories),
        youth=sum(1 for r in sitting if "youth" in r.categories),
        disability=sum(1 for r in sitting if "disability" in r.categories),
        represented=check.represented,
        required=check.required,
        met=check.met,
        ref=check.ref,
        on_day=day,
    )
    vacancies = list(party_list.mandate_events.filter(kind=models.MandateEvent.Kind.VACANT).order_by("day", "id"))
    successions = [m for m in mandates if m.predecessor_id is not None]
    return PartyPage(party_list, won, rows, quota, vacancies, successions)


# ---------------------------------------------------------------------------------------------------------------------
# mandate events over the convocation (SVG timeline)


@dataclass(frozen=True)
class TimelineMark:
    x: float
    y: float
    kind: str
    color: str
    day: Any
    party: str
    title: str
    event: str = ""  # the kind of event, in the reader's language
    who: str = ""  # the deputy concerned ("" for a seat left vacant)


@dataclass(frozen=True)
class TimelineTick:
    x: float
    label: str


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    axis_y: int
    marks: list[TimelineMark]
    ticks: list[TimelineTick]
    path: str  # the step line of deputies in office
    top_label: str
    bottom_label: str
    start: Any
    end: Any


def mandate_timeline(*, election: models.Election, width: int = 760) -> Timeline | None:
    """Events of the convocation from election day to the end of the five-year term (Constitution 2026, Art. 53(1);
    counted from election day here, for the picture) with the number of deputies in office as a step line."""
    from atazan.elections.domain.election_calendar import term_end

    events = list(mandate_events(election=election))
    if not events:
        return None
    start = election.election_day
    end = max(term_end(start), max(ev.day for ev in events))
    left, right, height, axis_y, line_top, line_bottom = 40, 16, 170, 130, 14, 70
    span = (end - start).days or 1

    def x_of(day: Any) -> float:
        return left + (width - left - right) * (day - start).days / span

    # deputies in office after each day's events
    held = 0
    counts: list[tuple[Any, int]] = []
    for ev in events:
        if ev.kind in (models.MandateEvent.Kind.ELECTED, models.MandateEvent.Kind.TRANSFERRED):
            held += 1
        elif ev.kind == models.MandateEvent.Kind.ENDED:
            held -= 1
        if counts and counts[-1][0] == ev.day:
            counts[-1] = (ev.day, held)
        else:
            counts.append((ev.day, held))
    low = min(c for _, c in counts)
    high = max(max(c for _, c in counts), election.seats)
    scale = (line_bottom - line_top) / ((high - low) or 1)

    def y_of(count: int) -> float:
        return line_bottom - (count - low) * scale

    path = f"M{x_of(counts[0][0]):.1f},{y_of(counts[0][1]):.1f}"
    for d1, c1 in counts[1:]:
        path += f" H{x_of(d1):.1f} V{y_of(c1):.1f}"
    path += f" H{x_of(end):.1f}"
    marks: list[TimelineMark] = []
    stacked: dict[Any, int] = {}
    for ev in events:
        if ev.kind == models.MandateEvent.Kind.ELECTED:
            continue
        level = stacked.get(ev.day, 0)
        stacked[ev.day] = level + 1
        who = ev.mandate.candidate.full_name if ev.mandate is not None else ""
        party = party_name(ev.party_list.party, get_language())
        title = f"{ev.day.isoformat()} · {party} · {ev.get_kind_display()}" + (f" · {who}" if who else "")
        marks.append(TimelineMark(x_of(ev.day), axis_y - 12 - 12 * level, ev.kind, ev.party_list.color, ev.day,
                                  ev.party_list.party, title, str(ev.get_kind_display()), who))  # fmt: skip
    ticks = [TimelineTick(x_of(start.replace(year=y, month=1, day=1)), str(y))
             for y in range(start.year + 1, end.year + 1)]  # fmt: skip
    return Timeline(width, height, axis_y, marks, ticks, path, str(high), str(low), start, end)
