"""Errors raised by the elections domain.

Every error names the record it concerns and the rule that record broke, so that an adapter (CLI, API, import) can
show it to a person and keep the rejected record for review.
"""

from __future__ import annotations

from .i18n import _
from .message import Msg, Translate, same

__all__ = [
    "ART_97_1",
    "CandidateRuleError",
    "DuplicatePartyError",
    "DuplicateRegistrationOrderError",
    "ElectionsError",
    "InputFormatError",
    "JsonTooDeepError",
    "ListVotesAboveTurnoutError",
    "ListsSumAboveTurnoutError",
    "MandateRuleError",
    "NegativeVotesError",
    "NoListReachesThresholdError",
    "NoListsError",
    "NoSeatsError",
    "PlaceAboveBoundError",
    "RegionVotesAboveNationalError",
    "SeatsAboveKurultaiError",
    "ThresholdOutOfRangeError",
    "TooFewSeatsForSingleListRuleError",
    "TurnoutNotPositiveError",
    "UnknownRegionError",
    "UnregisteredPartyError",
    "VotersAboveElectorateError",
]

ART_97_1 = "Constitutional Law on Elections, Art. 97-1"


class ElectionsError(ValueError):
    """A record that the elections rules cannot accept.

    ``record`` names the offending record (a party, a candidate, a field); ``rule`` names the legal or technical rule.
    ``code`` is stable (tests, review queues). ``message`` may be a ``Msg`` (an English template with named fields):
    ``render(translate)`` then gives the message and the rule in the reader's language; ``message``, ``rule`` and
    ``str()`` stay English, as the CLI and the JSON API speak.
    """

    default_rule = "elections input"
    code = "elections-input"

    def __init__(self, message: str | Msg, *, record: str, rule: str | None = None) -> None:
        self.msg = message if isinstance(message, Msg) else None
        self.message = str(message)
        self.record = record
        self.rule = rule or self.default_rule
        super().__init__(f"{record}: {self.message} [{self.rule}]")

    def render(self, translate: Translate = same) -> tuple[str, str]:
        """(message, rule) in the language of ``translate``; what has no template stays as given."""
        if self.msg is None:
            return self.message, self.rule
        return self.msg.render(translate), translate(self.rule)


class InputFormatError(ElectionsError):
    """The input is not shaped as the allocation input must be (missing field, wrong type)."""

    default_rule = "allocation input format"


class NoSeatsError(ElectionsError):
    default_rule = "seats to allocate must be a positive whole number (Constitution 2026, Art. 53(1))"


class TurnoutNotPositiveError(ElectionsError):
    default_rule = f"the threshold base is the number of voters who took part ({ART_97_1}(1)); it must be positive"


class ThresholdOutOfRangeError(ElectionsError):
    default_rule = f"the threshold is a share of those who took part, between 0 and 100 per cent ({ART_97_1}(1))"


class NoListsError(ElectionsError):
    default_rule = f"there must be at least one party list ({ART_97_1}(1))"


class NegativeVotesError(ElectionsError):
    default_rule = f"votes for a party list are a count of ballots and cannot be negative ({ART_97_1}(1))"


class ListVotesAboveTurnoutError(ElectionsError):
    default_rule = f"a list cannot receive more votes than the number of voters who took part ({ART_97_1}(1))"


class ListsSumAboveTurnoutError(ElectionsError):
    default_rule = f"the lists together cannot receive more votes than the number who took part ({ART_97_1}(1))"


class DuplicatePartyError(ElectionsError):
    default_rule = "each party has one list in the single nationwide constituency (Constitution 2026, Art. 53(1))"


class DuplicateRegistrationOrderError(ElectionsError):
    default_rule = f"registration order decides equal remainders, so it must be unique ({ART_97_1}(4))"


class NoListReachesThresholdError(ElectionsError):
    default_rule = f"seats go only to lists with the threshold share of those who took part ({ART_97_1}(1)-(2))"


class TooFewSeatsForSingleListRuleError(ElectionsError):
    default_rule = (
        f"when only one list passes, the runner-up gets at least two seats and the rest go to the list that "
        f"passed ({ART_97_1}(2)-(4)); that needs at least three seats"
    )


class UnknownRegionError(ElectionsError):
    default_rule = (
        "results by region are given for the 20 oblasts, cities of republican significance and the capital "
        "(the units of Constitution 2026, Art. 92(3))"
    )


class RegionVotesAboveNationalError(ElectionsError):
    default_rule = "a list's votes in the regions cannot add up to more than its national votes"


class CandidateRuleError(ElectionsError):
    default_rule = "candidate rules (Constitution 2026, Art. 54(3); " + ART_97_1 + "(5))"


class MandateRuleError(ElectionsError):
    default_rule = "mandate rules (Constitution 2026, Art. 55(4); " + ART_97_1 + "(6))"


# --- bounds that follow from the country (see ``bounds``); rules and messages are translation keys -----------------


class JsonTooDeepError(InputFormatError):
    code = "json-too-deep"
    default_rule = _(
        "JSON input may nest at most 16 levels (an allocation or an import needs 3); deeper input is refused unread"
    )


class SeatsAboveKurultaiError(ElectionsError):
    code = "seats-above-kurultai"
    # Constitution 2026, Art. 53(1): 145 deputies; no chamber of Kazakhstan has had more seats to allocate.
    default_rule = _("at most 145 seats: the Kurultai has 145 deputies (Constitution 2026, Art. 53(1))")


class VotersAboveElectorateError(ElectionsError):
    code = "voters-above-electorate"
    default_rule = _(
        "at most 25000000 voters or votes: twice the 12482613 citizens entitled to vote in the referendum of "
        "15 March 2026 (CEC final protocol)"
    )


class PlaceAboveBoundError(ElectionsError):
    code = "place-above-bound"
    default_rule = _("a registration number or a place on a list is at most 10000")


T_NOT_REGISTERED = _("{party} is not a list registered for this election")


class UnregisteredPartyError(ElectionsError):
    code = "party-not-registered"
    # Fail closed: results and candidates are taken only for lists the CEC registered for this election; a name that
    # matches no registered list (a typo, another election's party) is never turned into a new list.
    default_rule = _(
        "results and candidates are taken only for a party list registered for this election "
        "(lists as registered, Constitutional Law on Elections, Art. 97-1(4)-(5))"
    )
