"""Demo data: the 15 March 2026 referendum reproduced from 10,459 MODEL precinct protocols.

Only the national totals, the number of polling stations and the 18:00 turnouts are official (FACTS.md); the
precinct figures are a deterministic model (`domain.synthetic`) whose sums equal the official totals exactly. The
question is marked `synthetic`, and every page showing precinct data says so. Commission keys are derived from a
demo secret: they show how signing works, they are not any real commission's keys.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

from nacl.signing import SigningKey
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from atazan.referendum.domain.electorate import ElectorateEntry
from atazan.referendum.domain.integrity import commission_id, derive_signing_key, protocol_sign
from atazan.referendum.domain.protocol_io import ParsedProtocols
from atazan.referendum.domain.register import RegisteredPrecinct, register_from_protocols
from atazan.referendum.domain.synthetic import (
    MODEL_LIST_DATE,
    MODEL_LIST_SOURCE,
    OFFICIAL_SOURCE,
    ModelPrecinct,
    model_electorate,
    model_precincts,
)

DEMO_SECRET = b"atazan demo 2026 referendum - not a real commission key"
QUESTION_SLUG = "2026-constitution"
QUESTION_RU = (
    "Принимаете ли Вы новую Конституцию Республики Казахстан, проект которой опубликован в средствах массовой "
    "информации 12 февраля 2026 года?"
)
QUESTION_EN = (
    "Do you accept the new Constitution of the Republic of Kazakhstan, the draft of which was published in the media "
    "on 12 February 2026? (unofficial translation)"
)

# The title and source note in Kazakh and Russian (issue 15); the English ones are the records' own fields.
QUESTION_TRANSLATIONS = {
    "kk": {
        "title": "2026 жылғы 15 наурыздағы Конституция бойынша республикалық референдум",
        "source_note": (
            "Ел бойынша жалпы қорытындылар: Орталық сайлау комиссиясының 2026 жылғы 15 наурыздағы референдумның "
            "2026 жылғы 17 наурызда жарияланған қорытынды хаттамасы. Учаскелік хаттамалар: детерминистік модель "
            "(синтетикалық деректер)."
        ),
    },
    "ru": {
        "title": "Республиканский референдум по Конституции 15 марта 2026 года",
        "source_note": (
            "Итоги по стране: итоговый протокол Центральной избирательной комиссии о референдуме 15 марта 2026 года, "
            "объявленный 17 марта 2026 года. Протоколы участков: детерминированная модель (синтетические данные)."
        ),
    },
}


def authority_key() -> SigningKey:
    """The demo Central Referendum Commission's key (derived from the demo secret)."""
    return derive_signing_key(DEMO_SECRET, "central-referendum-commission")


def _electorate(question: object, model: list[ModelPrecinct], console: Console) -> None:
    """The MODEL lists of voters published before voting, one per model precinct (labelled synthetic)."""
    from atazan.referendum import selectors, services
    from atazan.referendum.models import Electorate, Question

    assert isinstance(question, Question)
    if Electorate.objects.filter(question=question).exists():
        return
    sizes = model_electorate(model)
    published_on = date.fromisoformat(MODEL_LIST_DATE)
    entries = [
        ElectorateEntry(
            m.protocol.precinct,
            "Abroad" if m.protocol.abroad else m.protocol.unit,
            m.protocol.district,
            sizes[m.protocol.precinct],
            published_on,
            MODEL_LIST_SOURCE,
        )
        for m in model
    ]
    report = services.electorate_record(
        question=question,
        entries=entries,
        actor="demo",
        registry=selectors.registry_for(question),
        synthetic=True,
        source="model:domain.synthetic",
    )
    console.print(f"Referendum: {report.recorded} model voter lists recorded (synthetic, not published figures).")


# A MODEL polling station's address: a street and a house in the precinct's unit, labelled as a model (the CEC's
# register of polling stations is not in our sources).
_MODEL_STREETS = ("ул. Абая", "ул. Толе би", "пр. Республики", "ул. Сатпаева", "ул. Кенесары", "ул. Жамбыла",
                  "ул. Достык", "ул. Байтурсынова", "мкр. Самал", "ул. Пушкина")  # fmt: skip


def model_address(precinct: RegisteredPrecinct, unit_names: dict[str, str]) -> str:
    """``<unit>, <street>, <house>, школа № <n> (model address)``: deterministic, one per precinct."""
    if precinct.abroad:
        return "(model address)"
    unit = unit_names.get(precinct.unit, precinct.unit)
    digest = int.from_bytes(hashlib.sha256(precinct.number.encode()).digest()[:4], "big")
    street = _MODEL_STREETS[digest % len(_MODEL_STREETS)]
    return f"{unit}, {street}, {1 + digest // 10 % 120}, школа № {1 + digest // 1200 % 90} (model address)"


def _register(model: list[ModelPrecinct], console: Console) -> None:
    """The MODEL precinct register: the model's precincts, each listing the citizens its model protocol states
    (idempotent: a second run finds every precinct unchanged)."""
    from atazan.referendum import services
    from atazan.referendum.models import Unit

    unit_names = dict(Unit.objects.values_list("code", "name_ru"))
    report = services.register_load(
        precincts=[
            replace(r, address=model_address(r, unit_names)) for r in register_from_protocols(m.protocol for m in model)
        ],  # fmt: skip
        actor="demo",
        source="model:domain.synthetic",
        labels={m.protocol.precinct: (m.label, m.country) for m in model},
    )
    if report.created or report.updated:
        console.print(f"Referendum: {report.created + report.updated} model precincts on the register (synthetic).")


def build(*, console: Console) -> None:
    from atazan.referendum import services
    from atazan.referendum.models import ProtocolVersion

    services.units_sync()
    question = services.question_ensure(
        slug=QUESTION_SLUG,
        title="Nationwide referendum on the Constitution, 15 March 2026",
        voting_date=date(2026, 3, 15),
        kind="constitution",
        text_ru=QUESTION_RU,
        text_en=QUESTION_EN,
        synthetic=True,
        source_note=f"National totals: {OFFICIAL_SOURCE}. Precinct protocols: a deterministic model (synthetic).",
        translations=QUESTION_TRANSLATIONS,
        actor="demo",
    )
    model = model_precincts()
    _register(model, console)
    if ProtocolVersion.objects.filter(question=question).exists():
        console.print("Referendum protocols already loaded.")
        _electorate(question, model, console)
        return
    signatures = {}
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
    ) as progress:
        signing = progress.add_task("Signing model protocols (demo commission keys)", total=len(model))
        for i, m in enumerate(model, start=1):
            key = derive_signing_key(DEMO_SECRET, commission_id(m.protocol))
            signatures[m.protocol.precinct] = (protocol_sign(m.protocol, 1, key), bytes(key.verify_key))
            if i % 1000 == 0:
                progress.update(signing, completed=i)
        progress.update(signing, completed=len(model))
        storing = progress.add_task("Storing protocols", total=len(model))
        report = services.protocols_import(
            question=question,
            parsed=ParsedProtocols(protocols=[m.protocol for m in model], lines=list(range(1, len(model) + 1))),
            source="model:domain.synthetic",
            actor="demo",
            signatures=signatures,
            progress=lambda n: progress.advance(storing, n),
        )
    console.print(
        f"Referendum: {report.accepted} model protocols accepted (sums = official national totals); "
        f"{report.reviewed} sent to review."
    )
    _electorate(question, model, console)
