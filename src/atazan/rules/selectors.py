"""Reads of the rules context: the dated parameters (they live in YAML, not in the database)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from django.utils import translation

from atazan.rules.domain.cases import WorkedExample, procedure_examples, worked_examples
from atazan.rules.domain.explain import Msg
from atazan.rules.domain.parameters import ACTS, ParameterError, default_parameters
from atazan.rules.outcomes import outcome_render
from atazan.rules.quotes import TEXT_LANGUAGE, provision_quote, provision_sentences, provision_text
from atazan.rules.translation import msg_render
from atazan.rules.values import description_render, reference_render, value_render
from atazan.web.templatetags.citations import citation


@dataclass(frozen=True)
class ParameterRow:
    name: str
    description: str
    start: dt.date
    end: dt.date | None
    value: str
    reference: str
    article: str
    constitution: str
    in_force: bool
    act_name: str = ""  # the constitutional law cited, in the reader's language, when not the Constitution

    @property
    def cited(self) -> str:
        """The article the value comes from, as the reader's language cites it (GLOSSARY.md)."""
        if self.act_name:
            shown = citation(f"Art. {self.article}")
            return (
                f"{self.act_name}, {shown}" if shown != f"Art. {self.article}" else f"{self.act_name}, {self.article}"
            )
        shown = citation(f"Constitution {self.constitution}, Art. {self.article}")
        if shown.startswith("Constitution "):  # a form the citation templates do not read ("53(1-2)")
            return str(
                msg_render(
                    Msg("Constitution {year}, Art. {article}", (("article", self.article), ("year", self.constitution)))
                )
            )
        return shown


def parameter_rows(*, as_of: dt.date) -> list[ParameterRow]:
    """Every dated value of every parameter, with whether it is the one in force on ``as_of``."""
    rows: list[ParameterRow] = []
    for parameter in default_parameters():
        try:
            current = parameter.at(as_of)
        except ParameterError:
            current = None
        for index, dated in enumerate(parameter.values):
            end = parameter.values[index + 1].start if index + 1 < len(parameter.values) else None
            rows.append(
                ParameterRow(
                    parameter.name,
                    description_render(parameter.name, parameter.description),
                    dated.start,
                    end,
                    value_render(dated.value, parameter.unit),
                    reference_render(dated.reference.text, name=parameter.name, start=dated.start),
                    dated.reference.article,
                    dated.reference.constitution,
                    dated is current,
                    msg_render(Msg(ACTS[dated.reference.act])) if dated.reference.act else "",
                )
            )
    return rows


@dataclass(frozen=True)
class ExampleRow:
    example: WorkedExample
    source: str  # "Constitution 2026, Art. 60(1)" or the constitutional law, in the reader's language
    quote: str  # the sentence, from the official text in the reader's language where it can be matched
    quote_language: str  # "rus" or "kaz"
    url: str  # the article's page ("" for a law the texts context does not hold)
    outcome: str  # the expected outcome, as the case states it
    name: str = ""  # the case's name in the reader's language
    outcome_shown: str = ""  # the outcome in words of the reader's language; empty for English (the codes as written)


def _outcome(expect: dict[str, object]) -> str:
    parts = []
    for key, value in expect.items():
        if key == "violations" and isinstance(value, list):
            shown = ", ".join(f"{v['rule']} ({v['article']})" for v in value if isinstance(v, dict))
            parts.append(f"violations: {shown or '—'}")
        else:
            parts.append(f"{key}: {value}")
    return "; ".join(parts)


def _localised_quote(example: WorkedExample, language: str) -> tuple[str, str, str]:
    """The case's Russian quote, or the same sentence of the Kazakh text (matched by its position in the provision).

    Read from the official files the texts context parses (kept parsed per process), not row by row from the
    database: the page lists some ninety provisions."""
    text_language = TEXT_LANGUAGE.get(language[:2], "rus")
    russian = provision_text(example.constitution, example.article, "rus", stored=False)
    index = None
    if russian is not None:
        sentences = [" ".join(x.split()) for x in provision_sentences(russian)]
        wanted = " ".join(example.quote.split())
        index = next((i for i, sentence in enumerate(sentences) if wanted in sentence), None)
    quote = provision_quote(
        constitution=example.constitution,
        provision=example.article,
        reader_language=language,
        sentence=index,
        stored=False,
    )
    if quote is None:
        return example.quote, "rus", ""
    if text_language == "rus" or index is None:
        return (example.quote if text_language == "rus" else quote.text), quote.language, quote.url
    return quote.text, quote.language, quote.url


def _outcome_shown(example: WorkedExample, language: str) -> str:
    if language.split("-")[0] in ("", "en"):
        return ""
    with translation.override(language):
        return outcome_render(example)


def example_rows(*, language: str) -> tuple[ExampleRow, ...]:
    """The worked examples that quote a provision — the bill checks' and institutions' (``data/cases``) and the
    procedures' (``data/procedure_cases``) — ordered by Constitution (or law) and article.

    They come from files shipped with the code and the official texts, so each process builds them once per language.
    """
    return _example_rows(language)


@functools.lru_cache(maxsize=4)
def _example_rows(language: str) -> tuple[ExampleRow, ...]:
    rows: list[ExampleRow] = []
    examples = [*worked_examples(), *procedure_examples()]
    for example in sorted((e for e in examples if e.quote), key=WorkedExample.sort_key):
        if example.act:
            with translation.override(language):
                cited = citation(f"Art. {example.article}")
            article = cited if cited != f"Art. {example.article}" else example.article
            source = f"{msg_render(Msg(ACTS[example.act]), language)}, {article}"
            quote, quote_language, url = example.quote, "rus", ""
        else:
            source = msg_render(
                Msg(
                    "Constitution {year}, Art. {article}",
                    (("article", example.article), ("year", example.constitution)),
                ),
                language,
            )
            quote, quote_language, url = _localised_quote(example, language)
        rows.append(
            ExampleRow(
                example,
                source,
                quote,
                quote_language,
                url,
                _outcome(example.expect),
                example.name_in(language),
                _outcome_shown(example, language),
            )
        )
    return tuple(rows)
