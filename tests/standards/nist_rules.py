"""civics-cdf-validator rules that cannot apply to a NIST SP 1500-100 v2 document, and why.

civics-cdf-validator is written for Google's variant of the format (the "Civics Common Standard"): documents
without a namespace, `objectId` attributes, `ExternalIdentifiers` wrappers, `OfficeIds` on every contest. Run on a
NIST v2 document (namespace http://itl.nist.gov/ns/voting/1500-100/v2, which the official XSD requires) with the
official XSD, these rules report what NIST v2 cannot, or need not, contain; every other rule of the
`election_results` set runs and must find nothing (the Schema rule validates against NIST's XSD)."""

NOT_FOR_NIST_V2 = (
    # Wants an `ExternalIdentifiers` element holding a "stable" id; NIST v2 has no such element (its
    # `ExternalIdentifier`s sit directly in the object) and the XSD refuses one.
    "MissingStableIds",
    # Reads the ids of GpUnits from `objectId`; NIST v2's attribute is `ObjectId`, so it sees no unit and no root.
    "GpUnitsHaveSingleRoot",
    # Wants `OfficeIds` on a PartyContest; NIST v2's PartyContest has none (a party contest elects no office).
    "ContestHasMultipleOffices",
    # Look for child elements by their un-namespaced name (`BallotTitle`, `PartyIds`), so in a NIST v2 document they
    # find none though they are there; the tests assert those elements are present.
    "BallotTitle",
    "SingularPartySelection",
)
