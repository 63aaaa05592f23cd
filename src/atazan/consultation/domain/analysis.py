"""The whole analysis of a batch of proposals: read, check, group duplicates, find themes, link articles.

This is what ``atazan consultation analyze PROPOSALS.csv`` runs; its JSON shape is a contract other tools rely on:
``{"duplicate_groups": [["P1", "P7"]], "themes": [{"label": ..., "proposals": [...]}], "articles": {"P1": ["53"]}}``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .articles import article_mentions
from .duplicates import DuplicateIndex, DuplicateParams
from .errors import InvalidProposalRow
from .themes import CharNgramEmbedder, Embedder, Theme, ThemeModel, themes_cluster

REQUIRED_COLUMNS = ("id", "text")
OPTIONAL_COLUMNS = ("language", "region", "submitted_at")
LANGUAGES = ("kk", "ru", "en")


@dataclass(frozen=True)
class ProposalRecord:
    id: str
    text: str
    language: str = ""
    region: str = ""
    submitted_at: dt.datetime | None = None


def _parse_when(value: str, row: str) -> dt.datetime | None:
    if not value:
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as exc:
        raise InvalidProposalRow(
            record=row, rule="submitted_at must be an ISO 8601 date or date-time", detail=repr(value)
        ) from exc
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def proposals_read_csv(text: str) -> list[ProposalRecord]:
    """Parse a proposals CSV (header ``id,text`` plus optional ``language,region,submitted_at``).

    Raises InvalidProposalRow naming the row (the header is row 1) and the rule. An appeal with no stated essence
    (empty text) is not considered (Law on the procedure for considering appeals; shared/domain/FACTS.md).
    """
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InvalidProposalRow(record="row 1", rule="the file is empty; a header id,text is required") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise InvalidProposalRow(
            record="row 1", rule="the header must contain id and text", detail=f"missing {missing}"
        )
    unknown = [c for c in header if c not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise InvalidProposalRow(
            record="row 1", rule="allowed columns are id,text,language,region,submitted_at", detail=f"unknown {unknown}"
        )
    if len(set(header)) != len(header):
        raise InvalidProposalRow(record="row 1", rule="a column may appear only once")
    seen: dict[str, int] = {}
    records: list[ProposalRecord] = []
    for line_number, values in enumerate(reader, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        row = f"row {line_number}"
        if len(values) != len(header):
            raise InvalidProposalRow(
                record=row, rule="each row has as many fields as the header", detail=f"{len(values)} != {len(header)}"
            )
        fields = dict(zip(header, (v.strip() for v in values), strict=True))
        key = fields["id"]
        if not key:
            raise InvalidProposalRow(record=row, rule="id is required")
        row = f"row {line_number} (id {key})"
        if key in seen:
            raise InvalidProposalRow(record=row, rule="id must be unique", detail=f"first used on row {seen[key]}")
        seen[key] = line_number
        if not fields["text"]:
            raise InvalidProposalRow(record=row, rule="text is required: an appeal with no essence is not considered")
        language = fields.get("language", "")
        if language and language not in LANGUAGES:
            raise InvalidProposalRow(record=row, rule="language must be kk, ru or en", detail=repr(language))
        records.append(
            ProposalRecord(
                id=key,
                text=fields["text"],
                language=language,
                region=fields.get("region", ""),
                submitted_at=_parse_when(fields.get("submitted_at", ""), row),
            )
        )
    return records


@dataclass
class AnalysisReport:
    duplicate_groups: list[list[str]]
    themes: list[Theme]
    articles: dict[str, list[str]]
    engine: str

    def as_json(self) -> dict[str, object]:
        """The contract shape (see module docstring)."""
        return {
            "duplicate_groups": self.duplicate_groups,
            "themes": [{"label": t.label, "proposals": t.members} for t in self.themes],
            "articles": self.articles,
        }


def group_representatives(
    keys: Sequence[str], groups: Sequence[Sequence[str]]
) -> tuple[list[str], dict[str, list[str]]]:
    """One representative per duplicate group (its first member) plus every proposal alone; members by rep."""
    member_of: dict[str, str] = {}
    for members in groups:
        for key in members:
            member_of[key] = members[0]
    reps: list[str] = []
    members_by_rep: dict[str, list[str]] = {}
    for key in keys:
        rep = member_of.get(key, key)
        if rep not in members_by_rep:
            reps.append(rep)
            members_by_rep[rep] = []
        members_by_rep[rep].append(key)
    return reps, members_by_rep


def themes_for_corpus(
    keys: Sequence[str],
    texts: Sequence[str],
    weights: Sequence[int],
    *,
    embedder: Embedder,
    max_embedded: int | None = None,
    k: int | None = None,
    seed: int = 0,
) -> ThemeModel:
    """Themes over (representative) texts. With a slow model and more than ``max_embedded`` texts, the model
    clusters an evenly spaced sample and the rest are placed by nearest theme centroid in character n-gram space
    (fit on the sample's themes), so the whole corpus gets a theme within the time budget."""
    n = len(keys)
    if max_embedded is None or n <= max_embedded or isinstance(embedder, CharNgramEmbedder):
        return themes_cluster(keys, texts, embedder=embedder, weights=weights, k=k, seed=seed)
    step = n / max_embedded
    sample = sorted({int(i * step) for i in range(max_embedded)})
    model = themes_cluster(
        [keys[i] for i in sample],
        [texts[i] for i in sample],
        embedder=embedder,
        weights=[weights[i] for i in sample],
        k=k,
        seed=seed,
    )
    sampled = set(sample)
    rest = [i for i in range(n) if i not in sampled]
    ngram = CharNgramEmbedder(seed=seed).fit([texts[i] for i in sample])
    position = {keys[i]: j for j, i in enumerate(sample)}
    sample_vectors = ngram.embed([texts[i] for i in sample])
    centroids = np.zeros((len(model.themes), sample_vectors.shape[1]), dtype=np.float32)
    for t, theme in enumerate(model.themes):
        rows = [position[key] for key in theme.members]
        c = sample_vectors[rows].mean(axis=0)
        centroids[t] = c / max(float(np.linalg.norm(c)), 1e-12)
    for start in range(0, len(rest), 5000):
        chunk = rest[start : start + 5000]
        best = (ngram.embed([texts[i] for i in chunk]) @ centroids.T).argmax(axis=1)
        for i, t in zip(chunk, best.tolist(), strict=True):
            model.themes[t].members.append(keys[i])
            model.themes[t].weight += int(weights[i])
    return model


def proposals_analyze(
    records: Iterable[ProposalRecord],
    *,
    embedder: Embedder,
    duplicate_params: DuplicateParams | None = None,
    max_embedded: int | None = 3000,
    k: int | None = None,
) -> AnalysisReport:
    """Duplicate groups, themes (one representative per group, weighted by group size) and article mentions."""
    items = list(records)
    index = DuplicateIndex(duplicate_params)
    index.add_many((record.id, record.text) for record in items)
    groups = index.groups()
    keys = [r.id for r in items]
    text_of = {r.id: r.text for r in items}
    reps, members_by_rep = group_representatives(keys, groups)
    model = themes_for_corpus(
        reps,
        [text_of[r] for r in reps],
        [len(members_by_rep[r]) for r in reps],
        embedder=embedder,
        max_embedded=max_embedded,
        k=k,
    )
    order = {key: i for i, key in enumerate(keys)}
    for theme in model.themes:
        expanded = [m for rep in theme.members for m in members_by_rep[rep]]
        theme.members = sorted(expanded, key=order.__getitem__)
    articles = {}
    for record in items:
        mentions = article_mentions(record.text)
        if mentions:
            articles[record.id] = [m.number for m in mentions]
    return AnalysisReport(duplicate_groups=groups, themes=model.themes, articles=articles, engine=embedder.name)
