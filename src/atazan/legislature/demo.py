"""Illustrative demo data for the legislature: SYNTHETIC bills, votes, People's Council and Vice President.

Nothing here is a real bill, vote or person. Dates are after 2026-07-01 so that the 2026 Constitution applies.
The deputies who vote are those holding mandates in the SIMULATED first Kurultai election of the elections context
(its demo builds it first): who sits on a day follows its mandate events, and seats left vacant count in "all
deputies" (145, Art. 53(1)) when quorum and majorities are applied (Arts. 58(5), 61(3)-(4)).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from rich.console import Console

from atazan.legislature.domain.process import Action, TransitionRefused
from atazan.legislature.models import (
    Bill,
    PeoplesCouncilDecision,
    PeoplesCouncilMember,
    PeoplesCouncilSession,
    VicePresidentDelegation,
)
from atazan.legislature.selectors import deputies_on, kurultai_election_on
from atazan.legislature.services import (
    BallotRow,
    bill_advance,
    bill_messages_fill,
    bill_submit,
    peoples_council_decide,
    peoples_council_member_add,
    peoples_council_session_open,
    translations_add,
    vice_president_appoint,
    vice_president_consent_vote,
    vice_president_delegate,
    vice_president_nominate,
)

ACTOR = "demo (synthetic data)"
D = dt.date


def ballots(on: dt.date, yes: int, no: int = 0, abstain: int = 0) -> list[BallotRow]:
    """The deputies in office on ``on`` in list order vote yes, then no, then abstain; the rest are absent.

    Illustrative only: these are not votes of real people (the election itself is simulated)."""
    _, seats = deputies_on(on=on)
    if yes + no + abstain > len(seats):
        raise ValueError(f"{yes + no + abstain} votes but only {len(seats)} deputies in office on {on}")
    rows = []
    for index, seat in enumerate(seats):
        choice = (
            "yes"
            if index < yes
            else "no"
            if index < yes + no
            else "abstain"
            if index < yes + no + abstain
            else "absent"
        )
        rows.append(BallotRow(choice=choice, mandate=seat.mandate))
    return rows


def _ensure_kurultai(console: Console) -> None:
    """The votes need the simulated Kurultai's deputies: build the elections demo first if it is not there."""
    if kurultai_election_on(on=D(2026, 10, 1)) is None:
        from atazan.elections import demo as elections_demo

        elections_demo.build(console=console)


def _bill(number: str, title: str, initiator: str, date: dt.date, **extra: object) -> dict[str, object]:
    return {"title": title, "initiator": initiator, "kind": "ordinary", "date": date.isoformat(), **extra}


def build(*, console: Console) -> None:
    if Bill.objects.filter(synthetic=True).exists():
        console.print("legislature: demo data already present")
        _translations()
        _messages()
        return
    _ensure_kurultai(console)
    with transaction.atomic():
        _peoples_council(console)
        _vice_president(console)
        _bills(console)
        _translations()
    console.print(
        f"legislature: {Bill.objects.count()} synthetic bills, {PeoplesCouncilMember.objects.count()} "
        f"People's Council members"
    )


SURNAMES = ("Әбенов", "Ахметов", "Бекетов", "Дәулетов", "Ержанов", "Жақсылықов", "Иманов", "Қасымов", "Мұратов",
            "Нұрланов", "Оспанов", "Өтегенов", "Сәрсенов", "Тоқтаров", "Үсенов", "Шәріпов", "Ілиясов", "Рахымов",
            "Серікбаев", "Кенжебаев", "Жұмабаев")  # fmt: skip
GIVEN = ("Асқар", "Айгүл", "Бауыржан", "Динара", "Ерлан", "Жанар", "Қайрат", "Мәдина", "Серік", "Сәуле")
GROUP_OFFSET = {"E": 0, "N": 42, "M": 84}


def _member_name(letter: str, index: int) -> str:
    """A made-up Cyrillic name, unique among the 126 demo members (a woman's surname takes -а)."""
    n = GROUP_OFFSET[letter] + index - 1
    given = GIVEN[(n // len(SURNAMES)) % len(GIVEN)]
    female = given in {"Айгүл", "Динара", "Жанар", "Мәдина", "Сәуле"}
    return f"{SURNAMES[n % len(SURNAMES)]}{'а' if female else ''} {given} (демо)"


def _peoples_council(console: Console) -> None:
    start = D(2026, 9, 1)
    ages = (34, 47, 52, 29, 61, 44, 38)
    for group, letter in (("ethno_cultural", "E"), ("ngo", "N"), ("maslikhat_public_council", "M")):
        for index in range(1, 43):
            peoples_council_member_add(
                actor=ACTOR,
                name=_member_name(letter, index),
                group=group,
                age=ages[index % len(ages)],
                citizen=True,
                term_start=start,
                synthetic=True,
            )
    session = peoples_council_session_open(
        actor=ACTOR,
        number=1,
        held_on=D(2026, 10, 5),
        present=110,
        title="First session: public dialogue",
        synthetic=True,
    )
    peoples_council_decide(
        actor=ACTOR,
        session=session,
        title="Send the bill on public dialogue platforms to the Kurultai",
        kind="legislative_initiative",
        yes=91,
        no=12,
        abstain=7,
        bill_number="KB-2026-001",
        bill_draft=_bill(
            "KB-2026-001",
            "On public dialogue platforms",
            "peoples_council",
            D(2026, 10, 5),
            enters_into_force="2027-01-01",
            provisions=[{"label": "4", "applies_from": "2027-01-01", "adds_duties": True}],
        ),
    )
    peoples_council_decide(
        actor=ACTOR,
        session=session,
        title="Recommendations on the state language in media",
        kind="recommendation",
        yes=50,
        no=40,
        abstain=20,
    )


def _vice_president(console: Console) -> None:
    first = vice_president_nominate(actor=ACTOR, candidate="Бекзат Әбенов (демо)", on=D(2026, 9, 18), synthetic=True)
    vice_president_consent_vote(
        actor=ACTOR, nomination=first, on=D(2026, 9, 25), ballots=ballots(D(2026, 9, 25), 70, 60, 5)
    )
    second = vice_president_nominate(
        actor=ACTOR, candidate="Әйгерім Сәрсенова (демо)", on=D(2026, 10, 1), synthetic=True
    )
    vice_president_consent_vote(
        actor=ACTOR, nomination=second, on=D(2026, 10, 8), ballots=ballots(D(2026, 10, 8), 112, 20, 6)
    )
    vice_president_appoint(actor=ACTOR, nomination=second, on=D(2026, 10, 9))
    vice_president_delegate(
        actor=ACTOR,
        nomination=second,
        on=D(2026, 10, 12),
        domain="Interaction with the Kurultai",
        description="Represents the President in the Kurultai's sittings on social bills.",
    )
    vice_president_delegate(
        actor=ACTOR,
        nomination=second,
        on=D(2026, 11, 2),
        domain="Cultural and scientific engagement",
        description="Represents the President at international cultural, scientific and educational events.",
    )


def _refused(bill: Bill, action: Action, on: dt.date, **kw: object) -> None:
    try:
        bill_advance(actor=ACTOR, bill=bill, action=action, on=on, **kw)  # type: ignore[arg-type]
    except TransitionRefused:
        return
    raise AssertionError(f"{bill.number}: {action.value} should have been refused")


def _bills(console: Console) -> None:
    pc_bill = Bill.objects.get(number="KB-2026-001")
    pc_bill.summary = "Initiated by the People's Council (Art. 71(2)). Synthetic, illustrative."
    pc_bill.save(update_fields=["summary"])
    for action, on, kw in (
        (Action.INTRODUCE, D(2026, 10, 12), {}),
        (Action.FIRST_READING, D(2026, 11, 4), {"ballots": ballots(D(2026, 11, 4), 95, 30, 10)}),
        (Action.ADOPTION_VOTE, D(2026, 11, 18), {"ballots": ballots(D(2026, 11, 18), 101, 25, 9)}),
        (Action.PRESENT, D(2026, 11, 25), {}),
        (Action.SIGN, D(2026, 12, 10), {}),
        (Action.PUBLISH, D(2026, 12, 12), {}),
    ):
        bill_advance(actor=ACTOR, bill=pc_bill, action=action, on=on, **kw)  # type: ignore[arg-type]

    media = bill_submit(
        actor=ACTOR,
        number="KB-2026-002",
        synthetic=True,
        summary="Returned by the President with objections and overridden by two thirds "
        "(Art. 56(2)). Synthetic, illustrative.",
        initiator_detail="A group of deputies (synthetic)",
        draft=_bill(
            "KB-2026-002",
            "On amendments to the Law on Mass Media",
            "deputy",
            D(2026, 10, 14),
            enters_into_force="2027-01-01",
        ),
    )
    for action, on, kw in (
        (Action.INTRODUCE, D(2026, 10, 14), {}),
        (Action.ADOPTION_VOTE, D(2026, 11, 11), {"ballots": ballots(D(2026, 11, 11), 88, 40, 7)}),
        (Action.PRESENT, D(2026, 11, 16), {}),
        (Action.OBJECT, D(2026, 12, 1), {}),
        (Action.OVERRIDE_VOTE, D(2026, 12, 16), {"ballots": ballots(D(2026, 12, 16), 104, 33, 3)}),
        (Action.SIGN, D(2026, 12, 28), {}),
        (Action.PUBLISH, D(2026, 12, 30), {}),
    ):
        bill_advance(actor=ACTOR, bill=media, action=action, on=on, **kw)  # type: ignore[arg-type]

    retro = bill_submit(
        actor=ACTOR,
        number="KB-2026-003",
        synthetic=True,
        summary="Would raise fines for acts committed since 2026-07-01: stopped by the "
        "retroactivity check (Art. 5(5)). Synthetic, illustrative.",
        draft=_bill(
            "KB-2026-003",
            "On increased fines for waste disposal offences",
            "government",
            D(2026, 10, 20),
            government_opinion="positive",
            enters_into_force="2027-01-01",
            provisions=[
                {"label": "2", "applies_from": "2026-07-01", "increases_liability": True},
                {"label": "3", "applies_from": "2027-01-01", "adds_duties": True},
            ],
        ),
    )
    _refused(retro, Action.INTRODUCE, D(2026, 10, 20))
    bill_advance(actor=ACTOR, bill=retro, action=Action.STOP, on=D(2026, 10, 20))

    term = bill_submit(
        actor=ACTOR,
        number="KB-2026-004",
        synthetic=True,
        summary="A constitutional amendment touching Art. 43(1), which Art. 43(5) makes unchangeable. "
        "Synthetic, illustrative: no such proposal exists.",
        draft={
            "title": "Amendment to Art. 43(1): the presidential term",
            "initiator": "kurultai",
            "kind": "amendment",
            "date": "2026-11-03",
            "amends_articles": ["43(1)"],
        },
    )
    _refused(term, Action.COURT_OPINION_REQUEST, D(2026, 11, 3))
    bill_advance(actor=ACTOR, bill=term, action=Action.STOP, on=D(2026, 11, 3))

    tax = bill_submit(
        actor=ACTOR,
        number="KB-2026-005",
        synthetic=True,
        summary="Cuts a tax without the Government's positive opinion (Art. 60(6)). Synthetic, illustrative.",
        draft=_bill(
            "KB-2026-005",
            "On a reduced VAT rate for children's goods",
            "deputy",
            D(2026, 11, 10),
            fiscal_effect={"reduces_revenue": True},
        ),
    )
    bill_advance(actor=ACTOR, bill=tax, action=Action.STOP, on=D(2026, 11, 10))

    court = bill_submit(
        actor=ACTOR,
        number="KB-2026-006",
        synthetic=True,
        summary="A constitutional law referred to the Constitutional Court before signature "
        "(Art. 73(1)); the signing period is suspended meanwhile (Art. 74(2)). Synthetic, "
        "illustrative.",
        draft={
            "title": "On the Kurultai's standing committees",
            "initiator": "president",
            "kind": "constitutional",
            "date": "2026-11-12",
        },
    )
    for action, on, kw in (
        (Action.INTRODUCE, D(2026, 11, 12), {}),
        (Action.FIRST_READING, D(2026, 11, 25), {"ballots": ballots(D(2026, 11, 25), 120, 15, 5)}),
        (Action.ADOPTION_VOTE, D(2026, 12, 9), {"ballots": ballots(D(2026, 12, 9), 118, 17, 4)}),
        (Action.PRESENT, D(2026, 12, 14), {}),
        (Action.COURT_REFER, D(2026, 12, 18), {"referred_by": "deputies", "referring_deputies": 31}),
    ):
        bill_advance(actor=ACTOR, bill=court, action=action, on=on, **kw)  # type: ignore[arg-type]

    rejected = bill_submit(
        actor=ACTOR,
        number="KB-2026-007",
        synthetic=True,
        summary="Rejected as a whole by a majority of all deputies and returned to its initiator "
        "(Art. 60(5)). Synthetic, illustrative.",
        initiator_detail="A group of deputies (synthetic)",
        draft=_bill("KB-2026-007", "On the status of advertising boards", "deputy", D(2026, 11, 20)),
    )
    bill_advance(actor=ACTOR, bill=rejected, action=Action.INTRODUCE, on=D(2026, 11, 20))
    bill_advance(
        actor=ACTOR, bill=rejected, action=Action.REJECT, on=D(2026, 12, 2), ballots=ballots(D(2026, 12, 2), 90, 40, 6)
    )

    wording = bill_submit(
        actor=ACTOR,
        number="KB-2026-008",
        synthetic=True,
        summary="The President returned it with his own wording; the objections were not overcome, "
        "so the law was adopted in the President's wording (Art. 56(2)). Synthetic, "
        "illustrative.",
        draft=_bill(
            "KB-2026-008",
            "On public procurement of school meals",
            "government",
            D(2026, 10, 22),
            enters_into_force="2027-01-01",
        ),
    )
    for action, on, kw in (
        (Action.INTRODUCE, D(2026, 10, 22), {}),
        (Action.ADOPTION_VOTE, D(2026, 11, 5), {"ballots": ballots(D(2026, 11, 5), 99, 30, 8)}),
        (Action.PRESENT, D(2026, 11, 9), {}),
        (Action.OBJECT, D(2026, 11, 30), {"president_wording": True}),
        (Action.OVERRIDE_VOTE, D(2026, 12, 14), {"ballots": ballots(D(2026, 12, 14), 81, 50, 7)}),
        (Action.SIGN, D(2026, 12, 21), {}),
        (Action.PUBLISH, D(2026, 12, 23), {}),
    ):
        bill_advance(actor=ACTOR, bill=wording, action=action, on=on, **kw)  # type: ignore[arg-type]

    referendum = bill_submit(
        actor=ACTOR,
        number="KB-2026-009",
        synthetic=True,
        summary="A constitutional amendment with the Constitutional Court's favourable opinion "
        "(Art. 93), put to a referendum by the President (Art. 92(1)). Synthetic, "
        "illustrative: no such proposal exists and no result is invented.",
        draft={
            "title": "Amendment to Art. 33: a right to clean air",
            "initiator": "peoples_council",
            "kind": "amendment",
            "date": "2026-11-16",
            "amends_articles": ["33(5)"],
        },
    )
    for action, on, kw in (
        (Action.COURT_OPINION_REQUEST, D(2026, 11, 16), {}),
        (Action.COURT_OPINION, D(2026, 12, 15), {"compliant": True}),
        (Action.REFERENDUM_CALL, D(2026, 12, 22), {}),
    ):
        bill_advance(actor=ACTOR, bill=referendum, action=action, on=on, **kw)  # type: ignore[arg-type]

    # After the simulated seat left vacant on 2027-03-03 (elections demo), 144 deputies sit; the majority is still
    # counted of all 145 (Arts. 53(1), 61(4)).
    urgent = bill_submit(
        actor=ACTOR,
        number="KB-2027-010",
        synthetic=True,
        summary="An urgent Government bill considered immediately (Art. 60(4)); adopted with 73 of "
        "145 while one seat was vacant. Synthetic, illustrative.",
        temporary_act="Government temporary act on flood relief (synthetic)",
        draft=_bill(
            "KB-2027-010",
            "On emergency flood relief",
            "government",
            D(2027, 3, 5),
            urgent=True,
            government_opinion="positive",
            fiscal_effect={"increases_spending": True},
        ),
    )
    for action, on, kw in (
        (Action.INTRODUCE, D(2027, 3, 5), {}),
        (Action.ADOPTION_VOTE, D(2027, 3, 10), {"ballots": ballots(D(2027, 3, 10), 73, 61, 4)}),
        (Action.PRESENT, D(2027, 3, 12), {}),
    ):
        bill_advance(actor=ACTOR, bill=urgent, action=action, on=on, **kw)  # type: ignore[arg-type]


SYN_KK = "Синтетикалық, көрнекі мысал."
SYN_RU = "Синтетический, иллюстративный пример."
GROUP_KK, GROUP_RU = "Депутаттар тобы (синтетикалық)", "Группа депутатов (синтетические данные)"

# The demo bills' texts in Kazakh and Russian (issue 15): number → (kk, ru), each {field: text}.
BILL_TEXTS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "KB-2026-001": (
        {"title": "Қоғамдық диалог алаңдары туралы",
         "summary": f"Қазақстан Халық Кеңесінің бастамасы (71-баптың 2-тармағы). {SYN_KK}",
         "initiator_detail": "Қазақстан Халық Кеңесі, 1-сессия: Қоғамдық диалог алаңдары туралы заң жобасын "
                             "Құрылтайға жіберу"},
        {"title": "О площадках общественного диалога",
         "summary": f"Инициирован Народным Советом Казахстана (п. 2 ст. 71). {SYN_RU}",
         "initiator_detail": "Народный Совет Казахстана, сессия 1: Направить в Курултай законопроект о площадках "
                             "общественного диалога"},
    ),
    "KB-2026-002": (
        {"title": "«Бұқаралық ақпарат құралдары туралы» Заңға өзгерістер енгізу туралы",
         "summary": "Президент қарсылықтарымен қайтарды, қарсылықтар үштен екі даусымен еңсерілді "
                    f"(56-баптың 2-тармағы). {SYN_KK}",
         "initiator_detail": GROUP_KK},
        {"title": "О внесении изменений в Закон «О средствах массовой информации»",
         "summary": "Возвращён Президентом с возражениями, возражения преодолены двумя третями голосов "
                    f"(п. 2 ст. 56). {SYN_RU}",
         "initiator_detail": GROUP_RU},
    ),
    "KB-2026-003": (
        {"title": "Қалдықтарды орналастыру саласындағы құқық бұзушылықтар үшін айыппұлдарды арттыру туралы",
         "summary": "2026-07-01 бастап жасалған әрекеттер үшін айыппұлдарды арттырар еді: кері күш тексеруі "
                    f"тоқтатты (5-баптың 5-тармағы). {SYN_KK}"},
        {"title": "Об увеличении штрафов за правонарушения в сфере размещения отходов",
         "summary": "Повысил бы штрафы за деяния, совершённые с 2026-07-01: остановлен проверкой обратной силы "
                    f"(п. 5 ст. 5). {SYN_RU}"},
    ),
    "KB-2026-004": (
        {"title": "43-баптың 1-тармағына түзету: Президенттің өкілеттік мерзімі",
         "summary": "43-баптың 5-тармағы өзгертуге болмайды деп белгілеген 43-баптың 1-тармағын қозғайтын "
                    f"конституциялық түзету. {SYN_KK} Мұндай ұсыныс жоқ."},
        {"title": "Поправка к п. 1 ст. 43: срок полномочий Президента",
         "summary": "Поправка к Конституции, затрагивающая п. 1 ст. 43, который п. 5 ст. 43 делает "
                    f"неизменяемым. {SYN_RU} Такого предложения нет."},
    ),
    "KB-2026-005": (
        {"title": "Балаларға арналған тауарларға ҚҚС-тың төмендетілген мөлшерлемесі туралы",
         "summary": f"Үкіметтің оң қорытындысынсыз салықты азайтады (60-баптың 6-тармағы). {SYN_KK}"},
        {"title": "О пониженной ставке НДС на детские товары",
         "summary": f"Снижает налог без положительного заключения Правительства (п. 6 ст. 60). {SYN_RU}"},
    ),
    "KB-2026-006": (
        {"title": "Құрылтайдың тұрақты комитеттері туралы",
         "summary": "Қол қойылғанға дейін Конституциялық Сотқа жіберілген конституциялық заң (73-баптың "
                    "1-тармағы); осы уақытта қол қою мерзімі тоқтатыла тұрады (74-баптың 2-тармағы). "
                    f"{SYN_KK}"},
        {"title": "О постоянных комитетах Курултая",
         "summary": "Конституционный закон, направленный в Конституционный Суд до подписания (п. 1 ст. 73); "
                    f"срок подписания на это время приостанавливается (п. 2 ст. 74). {SYN_RU}"},
    ),
    "KB-2026-007": (
        {"title": "Жарнамалық қалқандардың мәртебесі туралы",
         "summary": "Депутаттардың жалпы санының көпшілігімен тұтастай қабылданбай, бастамашысына қайтарылды "
                    f"(60-баптың 5-тармағы). {SYN_KK}",
         "initiator_detail": GROUP_KK},
        {"title": "О статусе рекламных щитов",
         "summary": "Отклонён в целом большинством от общего числа депутатов и возвращён инициатору "
                    f"(п. 5 ст. 60). {SYN_RU}",
         "initiator_detail": GROUP_RU},
    ),
    "KB-2026-008": (
        {"title": "Мектептегі тамақтандыруды мемлекеттік сатып алу туралы",
         "summary": "Президент өз редакциясымен қайтарды; қарсылықтар еңсерілмеді, сондықтан заң Президент "
                    f"ұсынған редакцияда қабылданды (56-баптың 2-тармағы). {SYN_KK}"},
        {"title": "О государственных закупках школьного питания",
         "summary": "Президент вернул закон со своей редакцией; возражения не преодолены, поэтому закон принят "
                    f"в редакции Президента (п. 2 ст. 56). {SYN_RU}"},
    ),
    "KB-2026-009": (
        {"title": "33-бапқа түзету: таза ауаға құқық",
         "summary": "Конституциялық Соттың оң қорытындысы бар конституциялық түзету (93-бап), Президент "
                    f"референдумға шығарды (92-баптың 1-тармағы). {SYN_KK} Мұндай ұсыныс жоқ, нәтиже ойдан "
                    "шығарылмаған."},
        {"title": "Поправка к статье 33: право на чистый воздух",
         "summary": "Поправка к Конституции с положительным заключением Конституционного Суда (ст. 93), "
                    f"вынесенная Президентом на референдум (п. 1 ст. 92). {SYN_RU} Такого предложения нет, "
                    "результат не выдуман."},
    ),
    "KB-2027-010": (
        {"title": "Су тасқынының зардаптарын шұғыл жою туралы",
         "summary": "Үкіметтің шұғыл заң жобасы дереу қаралды (60-баптың 4-тармағы); бір орын бос тұрғанда "
                    f"145 депутаттың 73 даусымен қабылданды. {SYN_KK}",
         "temporary_act": "Су тасқыны зардаптарын жою туралы Үкіметтің уақытша актісі (синтетикалық)"},
        {"title": "О срочной помощи при паводках",
         "summary": "Срочный правительственный законопроект, рассмотренный незамедлительно (п. 4 ст. 60); "
                    f"принят 73 голосами из 145 при одном вакантном месте. {SYN_RU}",
         "temporary_act": "Временный акт Правительства о помощи при паводках (синтетические данные)"},
    ),
}  # fmt: skip

# The People's Council's session and decisions, the Vice President's delegations: English text → (kk, ru).
TEXTS: dict[str, tuple[str, str]] = {
    "First session: public dialogue": ("Бірінші сессия: қоғамдық диалог", "Первая сессия: общественный диалог"),
    "Send the bill on public dialogue platforms to the Kurultai": (
        "Қоғамдық диалог алаңдары туралы заң жобасын Құрылтайға жіберу",
        "Направить в Курултай законопроект о площадках общественного диалога"),
    "Recommendations on the state language in media": (
        "БАҚ-тағы мемлекеттік тіл туралы ұсынымдар", "Рекомендации о государственном языке в СМИ"),
    "Interaction with the Kurultai": ("Құрылтаймен өзара іс-қимыл", "Взаимодействие с Курултаем"),
    "Represents the President in the Kurultai's sittings on social bills.": (
        "Әлеуметтік заң жобалары бойынша Құрылтай отырыстарында Президенттің атынан өкілдік етеді.",
        "Представляет Президента на заседаниях Курултая по социальным законопроектам."),
    "Cultural and scientific engagement": ("Мәдени және ғылыми байланыстар", "Культурное и научное взаимодействие"),
    "Represents the President at international cultural, scientific and educational events.": (
        "Халықаралық мәдени, ғылыми және білім беру іс-шараларында Президенттің атынан өкілдік етеді.",
        "Представляет Президента на международных культурных, научных и образовательных мероприятиях."),
}  # fmt: skip


def _variants(record: object, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"kk": {}, "ru": {}}
    for field in fields:
        found = TEXTS.get(getattr(record, field))
        if found:
            out["kk"][field], out["ru"][field] = found
    return {lang: texts for lang, texts in out.items() if texts}


def _messages() -> None:
    """Steps the demo recorded before notes were kept as messages get theirs (shown in kk/ru; idempotent)."""
    for bill in Bill.objects.filter(synthetic=True, events__message={}).distinct():
        bill_messages_fill(bill=bill)


def _translations() -> None:
    """The demo's bills, People's Council and delegations in Kazakh and Russian too (audited; idempotent)."""
    for bill in Bill.objects.filter(number__in=BILL_TEXTS):
        kk, ru = BILL_TEXTS[bill.number]
        translations_add(actor=ACTOR, record=bill, translations={"kk": kk, "ru": ru})
    for session in PeoplesCouncilSession.objects.filter(synthetic=True):
        if variants := _variants(session, ("title",)):
            translations_add(actor=ACTOR, record=session, translations=variants)
    for decision in PeoplesCouncilDecision.objects.filter(session__synthetic=True):
        if variants := _variants(decision, ("title",)):
            translations_add(actor=ACTOR, record=decision, translations=variants)
    for delegation in VicePresidentDelegation.objects.filter(vice_president__synthetic=True):
        if variants := _variants(delegation, ("domain", "description")):
            translations_add(actor=ACTOR, record=delegation, translations=variants)
