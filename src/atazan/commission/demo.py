"""Demo data: a synthetic Commission of 130, eight sessions with agendas, votes and decisions on real articles of
the 2026 Constitution, two draft versions before the official final text, and moderated public comments.

Everything here is SYNTHETIC and labelled so: the people, their votes, the session record and the wording of the two
early drafts (reconstructed by atazan: the articles the demo decisions touch start from their 1995 wording, every
other article already reads as adopted). The final version is the real official text (texts context). Running the
demo again changes nothing; the whole build is one transaction, so a failure leaves no half-built Commission.
"""

from __future__ import annotations

import random
from datetime import date
from itertools import cycle

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, User
from django.db import transaction
from rich.console import Console

from atazan.accounts.demo import DEMO_PASSWORD, DEMO_USERS
from atazan.accounts.domain.roles import Role
from atazan.accounts.services import roles_ensure, user_create

from . import services as cs
from . import services_drafts as ds
from .domain import drafting as dd
from .domain.composition import Category, MemberRole
from .domain.regions import REGION_CODES
from .models import AgendaItem, Comment, Decision, DraftVersion, Member, Session, Speaker
from .proposals_link import proposals_for_articles
from .selectors import minutes_compose
from .texts_link import official_articles, official_expression

APPOINTED = date(2026, 1, 21)  # the decree forming the Commission (FACTS.md)
CHAIR_POSITION = "Chair of the Constitutional Court (synthetic stand-in)"
CHAIR_POSITION_VARIANTS = {
    "kk": {"position": "Конституциялық Сот Төрағасы (синтетикалық, шартты тұлға)"},
    "ru": {"position": "Председатель Конституционного Суда (синтетический, условное лицо)"},
}
LANGUAGE = "rus"
SEED = 2026_01_21
PROPOSALS_PER_ITEM = 6  # the largest campaigns on the item's articles, then proposals sent once

GIVEN_F = ("Айгерим", "Жанар", "Динара", "Гульнара", "Сауле", "Алия", "Камила", "Мадина", "Жулдыз", "Асель")
GIVEN_M = ("Нурлан", "Ерлан", "Асхат", "Бауыржан", "Марат", "Серик", "Даурен", "Арман", "Тимур", "Руслан")
FAMILY = (
    "Абенов",
    "Беков",
    "Жумабаев",
    "Касымов",
    "Нургалиев",
    "Омаров",
    "Сатпаев",
    "Тулеуов",
    "Ахметов",
    "Есимов",
    "Калиев",
    "Муканов",
    "Садыков",
    "Утегенов",
    "Искаков",
    "Жаксылыков",
    "Байжанов",
    "Рахимов",
    "Токбергенов",
    "Сулейменов",
)

# Seats by category (seven groups of the decree); maslikhat chairs and regional public councils: one per region.
CATEGORY_SEATS = (
    (Category.KURULTAI, 30),
    (Category.LEGAL_SCHOLAR, 20),
    (Category.GOVERNMENT, 15),
    (Category.MEDIA, 10),
    (Category.MASLIKHAT, 20),
    (Category.PUBLIC_COUNCIL, 20),
    (Category.EXPERT, 15),
)

# The articles the demo decides (2026 numbering) and the 1995 article each starts from in the consolidated draft.
FROM_1995 = {"17": "15", "21": "18", "33": "30", "43": "41", "53": "50", "58": "59", "61": "62"}


# The five demo commenters, named in Cyrillic like every demo person ("демо" reads the same in Kazakh and Russian).
COMMENTERS = ("Әсел Нұрланова (демо)", "Бауыржан Ерланов (демо)", "Мадина Серікова (демо)",
              "Тимур Асқаров (демо)", "Жанар Маратова (демо)")  # fmt: skip


def _name(seat: int) -> str:
    rng = random.Random(SEED + seat)
    if rng.random() < 0.5:
        return f"{rng.choice(FAMILY)}а {rng.choice(GIVEN_F)} (демо)"
    return f"{rng.choice(FAMILY)} {rng.choice(GIVEN_M)} (демо)"


def _users(console: Console) -> tuple[User, User, list[User]]:
    """The demo accounts the Commission needs, as the accounts demo makes them (password `atazan-demo`), so that
    `atazan demo --only commission` leaves a secretariat and a member who can sign in."""
    roles_ensure()
    groups = {g.name: g for g in Group.objects.all()}
    accounts = {username: (name, roles) for username, name, roles in DEMO_USERS}

    def demo_account(username: str) -> User:
        name, roles = accounts[username]
        existing = User.objects.filter(username=username).first()
        if existing is not None and existing.has_usable_password():
            existing.groups.add(*(groups[r.value] for r in roles))
            return existing
        return user_create(username=username, password=DEMO_PASSWORD, roles=list(roles), full_name=name)

    def user(username: str, full: str, role: Role) -> User:
        u, created = User.objects.get_or_create(username=username, defaults={"first_name": full})
        if created:
            u.set_unusable_password()
            u.save(update_fields=["password"])
        u.groups.add(groups[role.value])
        return u

    secretary = demo_account("commission-secretary")
    commissioner = demo_account("commissioner")
    demo_account("secretary")  # the working group's secretary answers the proposals with the decisions
    commenters = [user(f"demo-commenter-{k}", COMMENTERS[k - 1], Role.CITIZEN) for k in range(1, 6)]
    return secretary, commissioner, commenters


def _members(secretary: User, commissioner: User) -> list[Member]:
    """130 synthetic members; seat 10 is the demo login `commissioner`, every other seat gets its own user."""
    existing = {u.username: u for u in User.objects.filter(username__startswith="cc-member-")}
    unusable = make_password(None)  # the synthetic members cannot log in; the demo casts their votes as them
    new = [
        User(username=f"cc-member-{seat:03d}", first_name=_name(seat), password=unusable)
        for seat in range(1, 131)
        if seat != 10 and f"cc-member-{seat:03d}" not in existing
    ]
    User.objects.bulk_create(new)
    users = {u.username: u for u in User.objects.filter(username__startswith="cc-member-")}
    group = Group.objects.get(name=Role.COMMISSION_MEMBER.value)
    group.user_set.add(*users.values())
    categories = [c for c, n in CATEGORY_SEATS for _ in range(n)]
    regions_cycle = cycle(REGION_CODES)
    members = []
    per_region_category = {Category.MASLIKHAT: iter(REGION_CODES), Category.PUBLIC_COUNCIL: iter(REGION_CODES)}
    for seat, category in enumerate(categories, start=1):
        role = {
            1: MemberRole.CHAIR,
            2: MemberRole.DEPUTY_CHAIR,
            3: MemberRole.DEPUTY_CHAIR,
            4: MemberRole.SECRETARY,
        }.get(seat, MemberRole.MEMBER)
        if category in per_region_category:
            region = next(per_region_category[category])
        elif category == Category.GOVERNMENT:
            region = "astana"  # central government sits in the capital
        else:
            region = next(regions_cycle)
        position = {MemberRole.CHAIR: CHAIR_POSITION}.get(role, "")
        user = commissioner if seat == 10 else users[f"cc-member-{seat:03d}"]
        members.append(
            cs.member_appoint(
                actor=secretary,
                seat=seat,
                full_name=_name(seat),
                role=role.value,
                category=category.value,
                region=region,
                appointed=APPOINTED,
                position=position,
                synthetic=True,
                user=user,
            )
        )
    return members


# (date, title, present, items); an item: (title, articles, theme, kind, changes, vote profile)
# changes: ("final", num) → the adopted wording; ("trim", num) → the adopted wording less its last paragraph;
# ("insert", num, after). Profiles: share of for/against among those present (the rest abstain).
VERDICT = {"accept": "accepted", "modify": "accepted with changes", "reject": "rejected"}
ADOPT, SPLIT, FAIL = (80, 10), (62, 25), (40, 35)
SESSIONS = (
    (
        date(2026, 1, 24),
        "Opening session: rules of procedure and the right to life",
        121,
        (
            ("Rules of procedure and work plan of the Commission", [], "Procedure", "accept", [], ADOPT),
            (
                "Abolition of the death penalty in the Constitution",
                ["17"],
                "Right to life",
                "accept",
                [("final", "17")],
                ADOPT,
            ),
        ),
    ),
    (
        date(2026, 1, 26),
        "Privacy, personal data and the People's Council",
        117,
        (
            (
                "Protection of personal data, including in digital form",
                ["21"],
                "Digital rights",
                "accept",
                [("final", "21")],
                ADOPT,
            ),
            (
                "A People's Council of Kazakhstan as the highest consultative body",
                ["70"],
                "People's Council",
                "modify",
                [("insert", "70", "69")],
                SPLIT,
            ),
        ),
    ),
    (
        date(2026, 1, 27),
        "Education and the unicameral Kurultai",
        112,
        (
            ("Secular education", ["33"], "Education", "accept", [("final", "33")], ADOPT),
            (
                "A unicameral Kurultai of 145 deputies elected by party lists",
                ["53"],
                "Parliamentary reform",
                "modify",
                [("trim", "53")],
                SPLIT,
            ),
        ),
    ),
    (
        date(2026, 1, 29),
        "Foundations and entry into force",
        109,
        (
            ("Proposal to rename the state in Article 2", ["2"], "Name of the state", "reject", [], ADOPT),
            ("Proposal to bring forward the date of entry into force", ["94"], "Entry into force", "modify", [], FAIL),
        ),
    ),
    (
        date(2026, 2, 3),
        "The President's single term",
        115,
        (("A single seven-year presidential term", ["43"], "Presidency", "accept", [("final", "43")], ADOPT),),
    ),
    (
        date(2026, 2, 5),
        "Sessions and laws of the Kurultai (no quorum)",
        80,
        (("Sessions of the Kurultai and its quorum", ["58"], "Parliamentary reform", "modify", [], None),),
    ),
    (
        date(2026, 2, 9),
        "The Kurultai: sessions, laws and composition",
        118,
        (
            (
                "Sessions of the Kurultai and its quorum",
                ["58"],
                "Parliamentary reform",
                "modify",
                [("final", "58")],
                SPLIT,
            ),
            (
                "Laws and resolutions of the Kurultai",
                ["61"],
                "Parliamentary reform",
                "accept",
                [("final", "61")],
                ADOPT,
            ),
            (
                "Composition of the Kurultai: final wording",
                ["53"],
                "Parliamentary reform",
                "modify",
                [("final", "53")],
                ADOPT,
            ),
        ),
    ),
    (
        date(2026, 2, 11),
        "Approval of the final draft for publication",
        124,
        (("Approve the draft for publication on 12 February 2026", [], "Final draft", "accept", [], ADOPT),),
    ),
)


# Kazakh and Russian variants of the demo's session and agenda titles (the titles themselves are English).
TITLES: dict[str, tuple[str, str]] = {
    "Opening session: rules of procedure and the right to life": (
        "Ашылу отырысы: жұмыс регламенті және өмір сүру құқығы",
        "Открытие: регламент работы и право на жизнь"),
    "Rules of procedure and work plan of the Commission": (
        "Комиссияның жұмыс регламенті мен жұмыс жоспары", "Регламент и план работы Комиссии"),
    "Abolition of the death penalty in the Constitution": (
        "Өлім жазасын Конституцияда жою", "Отмена смертной казни в Конституции"),
    "Privacy, personal data and the People's Council": (
        "Жеке өмірге қол сұғылмаушылық, дербес деректер және Халық Кеңесі",
        "Неприкосновенность частной жизни, персональные данные и Народный Совет"),
    "Protection of personal data, including in digital form": (
        "Дербес деректерді, оның ішінде цифрлық нысандағы деректерді қорғау",
        "Защита персональных данных, в том числе в цифровой форме"),
    "A People's Council of Kazakhstan as the highest consultative body": (
        "Қазақстан Халық Кеңесі – ең жоғары консультативтік орган",
        "Народный Совет Казахстана как высший консультативный орган"),
    "Education and the unicameral Kurultai": ("Білім беру және бір палаталы Құрылтай",
                                              "Образование и однопалатный Курултай"),
    "Secular education": ("Зайырлы білім беру", "Светское образование"),
    "A unicameral Kurultai of 145 deputies elected by party lists": (
        "Партиялық тізімдер бойынша сайланатын 145 депутаттан тұратын бір палаталы Құрылтай",
        "Однопалатный Курултай из 145 депутатов, избираемых по партийным спискам"),
    "Foundations and entry into force": ("Негіздер және күшіне ену", "Основы и вступление в силу"),
    "Proposal to rename the state in Article 2": ("2-бапта мемлекеттің атауын өзгерту туралы ұсыныс",
                                                  "Предложение переименовать государство в статье 2"),
    "Proposal to bring forward the date of entry into force": (
        "Күшіне ену күнін жақындату туралы ұсыныс",
        "Предложение перенести дату вступления в силу на более ранний срок"),
    "The President's single term": ("Президенттің бір мерзімі", "Единственный срок Президента"),
    "A single seven-year presidential term": ("Президенттің жеті жылдық бір мерзімі",
                                              "Единственный семилетний президентский срок"),
    "Sessions and laws of the Kurultai (no quorum)": ("Құрылтайдың сессиялары мен заңдары (кворум жоқ)",
                                                      "Сессии и законы Курултая (нет кворума)"),
    "Sessions of the Kurultai and its quorum": ("Құрылтайдың сессиялары және оның кворумы",
                                                "Сессии Курултая и его кворум"),
    "The Kurultai: sessions, laws and composition": ("Құрылтай: сессиялар, заңдар және құрам",
                                                     "Курултай: сессии, законы и состав"),
    "Laws and resolutions of the Kurultai": ("Құрылтайдың заңдары мен қаулылары", "Законы и постановления Курултая"),
    "Composition of the Kurultai: final wording": ("Құрылтайдың құрамы: түпкілікті редакция",
                                                   "Состав Курултая: окончательная редакция"),
    "Approval of the final draft for publication": ("Түпкілікті жобаны жариялауға мақұлдау",
                                                    "Одобрение окончательного проекта для опубликования"),
    "Approve the draft for publication on 12 February 2026": (
        "Жобаны 2026 жылғы 12 ақпанда жариялауға мақұлдау", "Одобрить проект для опубликования 12 февраля 2026 года"),
    "Public comments on the published draft (voting open, synthetic)": (
        "Жарияланған жобаға қоғамдық пікірлер (дауыс беру ашық, синтетикалық)",
        "Общественные комментарии к опубликованному проекту (голосование открыто, синтетические данные)"),
    "Report on the public comments received on the published draft": (
        "Жарияланған жобаға түскен қоғамдық пікірлер туралы есеп",
        "Отчёт об общественных комментариях к опубликованному проекту"),
}  # fmt: skip


# Kazakh and Russian variants of the other texts a reader sees: the verdicts, themes, speakers' topics and the drafts'
# titles and notes.
VERDICT_KK = {"accept": "қабылданды", "modify": "өзгерістермен қабылданды", "reject": "қабылданбады"}
VERDICT_RU = {"accept": "принято", "modify": "принято с изменениями", "reject": "отклонено"}
TEXTS: dict[str, tuple[str, str]] = {
    "Opening and agenda": ("Ашылу және күн тәртібі", "Открытие и повестка дня"),
    "Procedure": ("Рәсім", "Процедура"),
    "Right to life": ("Өмір сүру құқығы", "Право на жизнь"),
    "Digital rights": ("Цифрлық құқықтар", "Цифровые права"),
    "People's Council": ("Халық Кеңесі", "Народный Совет"),
    "Education": ("Білім беру", "Образование"),
    "Parliamentary reform": ("Парламенттік реформа", "Парламентская реформа"),
    "Name of the state": ("Мемлекеттің атауы", "Название государства"),
    "Entry into force": ("Күшіне ену", "Вступление в силу"),
    "Presidency": ("Президент институты", "Институт Президента"),
    "Final draft": ("Түпкілікті жоба", "Окончательный проект"),
    "Public comments": ("Қоғамдық пікірлер", "Общественные комментарии"),
    "Consolidated draft (synthetic reconstruction)": (
        "Шоғырландырылған жоба (синтетикалық қайта құру)", "Сводный проект (синтетическая реконструкция)"),
    "First draft published (synthetic reconstruction)": (
        "Жарияланған алғашқы жоба (синтетикалық қайта құру)",
        "Первый опубликованный проект (синтетическая реконструкция)"),
    "Final draft published on 12 February 2026 (official text)": (
        "2026 жылғы 12 ақпанда жарияланған түпкілікті жоба (ресми мәтін)",
        "Окончательный проект, опубликованный 12 февраля 2026 года (официальный текст)"),
    "Reconstructed by atazan for the demo: the articles the demo sessions decide start from their 1995 wording; the "
    "published consolidated draft's text is not reproduced.": (
        "Демо үшін atazan қайта құрды: демо отырыстарда шешілетін баптар 1995 жылғы редакциясынан басталады; "
        "жарияланған шоғырландырылған жобаның мәтіні келтірілмейді.",
        "Реконструирован atazan для демонстрации: статьи, по которым принимаются решения на демо-заседаниях, "
        "начинаются с редакции 1995 года; текст опубликованного сводного проекта не воспроизводится."),
    "Draft 1 with the decisions of sessions 1–4 applied.": (
        "1–4 отырыстардың шешімдері енгізілген 1-жоба.", "Проект 1 с учётом решений заседаний 1–4."),
}  # fmt: skip


def _variants(record: object, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {"kk": {}, "ru": {}}
    for name in fields:
        text = getattr(record, name)
        found = TEXTS.get(text) or TITLES.get(text)
        if found:
            out["kk"][name], out["ru"][name] = found
    return {lang: texts for lang, texts in out.items() if texts}


def _texts_fill(secretary: User) -> None:
    """Kazakh and Russian variants of the decisions, themes, speakers' topics and drafts (audited; idempotent)."""
    for decision in Decision.objects.select_related("item").filter(item__session__synthetic=True):
        kk, ru = TITLES.get(decision.item.title, ("", ""))
        if kk and decision.summary == f"{decision.item.title}: {VERDICT[decision.kind]}":
            cs.texts_translate(actor=secretary, record=decision, replace=True, translations={
                "kk": {"summary": f"{kk}: {VERDICT_KK[decision.kind]}"},
                "ru": {"summary": f"{ru}: {VERDICT_RU[decision.kind]}"}})  # fmt: skip
    for item in AgendaItem.objects.filter(session__synthetic=True):
        if variants := _variants(item, ("theme",)):
            cs.texts_translate(actor=secretary, record=item, translations=variants, replace=True)
    for speaker in Speaker.objects.filter(session__synthetic=True):
        if variants := _variants(speaker, ("topic",)):
            cs.texts_translate(actor=secretary, record=speaker, translations=variants, replace=True)
    for version in DraftVersion.objects.all():
        if variants := _variants(version, ("title", "note")):
            cs.texts_translate(actor=secretary, record=version, translations=variants, replace=True)
    for member in Member.objects.filter(synthetic=True, position=CHAIR_POSITION):
        cs.texts_translate(actor=secretary, record=member, translations=CHAIR_POSITION_VARIANTS, replace=True)
    for decision in Decision.objects.select_related("item__session").filter(item__session__synthetic=True):
        # The vote's explanation and its rules' source in Kazakh and Russian, when the record still says what the
        # rules say of its votes today (a decision recorded before the record kept its translations).
        texts = cs.outcome_texts(cs.item_outcome(decision.item))
        if (texts["en"]["explanation"], texts["en"]["rule_source"]) == (decision.explanation, decision.rule_source):
            cs.texts_translate(actor=secretary, record=decision, replace=True, translations={
                lang: texts[lang] for lang in ("kk", "ru")})  # fmt: skip


def _minutes_fill(secretary: User) -> int:
    """Publish the minutes of each decided demo session in English, Kazakh and Russian, composed from its record;
    minutes already published with the same texts are left alone (running the demo again changes nothing)."""
    published = 0
    for session in Session.objects.filter(synthetic=True, number__lte=len(SESSIONS)).order_by("number"):
        text = minutes_compose(session=session)
        variants = {lang: minutes_compose(session=session, language=lang) for lang in ("kk", "ru")}
        stored = {lang: session.translations.get(lang, {}).get("minutes", "") for lang in variants}
        if session.minutes == text.strip() and stored == {k: v.strip() for k, v in variants.items()}:
            continue
        cs.minutes_publish(actor=secretary, session=session, text=text, translations=variants)
        published += 1
    return published


def _titles(title: str) -> dict[str, str]:
    kk, ru = TITLES.get(title, ("", ""))
    return {"kk": kk, "ru": ru} if kk else {}


def _titles_fill(secretary: User) -> int:
    """Add the variants to a Commission built before titles had them (through the audited service)."""
    filled = 0
    for session in Session.objects.filter(synthetic=True).order_by("number"):
        wanted = _titles(session.title)
        if wanted and any(session.titles.get(k) != v for k, v in wanted.items()):
            cs.titles_translate(actor=secretary, session=session, titles=wanted, replace=True)
            filled += 1
        for item in session.agenda.order_by("order"):
            wanted = _titles(item.title)
            if wanted and any(item.titles.get(k) != v for k, v in wanted.items()):
                cs.titles_translate(actor=secretary, session=session, item=item, titles=wanted, replace=True)
                filled += 1
    return filled


def _wording_change(spec: tuple[str, ...], final: dict[str, str]) -> dd.ArticleChange:
    kind, num = spec[0], spec[1]
    if kind == "insert":
        return dd.ArticleChange(dd.ChangeKind.INSERT, num, final[num], after=spec[2])
    wording = final[num]
    if kind == "trim":
        wording = "\n".join(f"{n}. {t}" if n else t for n, t in dd.paragraphs(wording)[:-1])
    return dd.ArticleChange(dd.ChangeKind.AMEND, num, wording)


def _consolidated(final: tuple[dd.DraftArticle, ...], old: dict[str, str]) -> list[dd.DraftArticle]:
    """Draft 1: the adopted wording, except the demo's articles (their 1995 wording) and Art. 70 (not yet in)."""
    return [dd.DraftArticle(a.num, old.get(FROM_1995.get(a.num, ""), a.wording)) for a in final if a.num != "70"]


def _choices(rng: random.Random, present: list[Member], profile: tuple[int, int]) -> dict[int, str]:
    out = {}
    for m in present:
        roll = rng.randrange(100)
        out[m.pk] = "for" if roll < profile[0] else "against" if roll < profile[0] + profile[1] else "abstain"
    return out


def _consultation_ensure(console: Console) -> None:
    """The agenda links the consultation's demo proposals: build that demo first when it is not there."""
    from atazan.consultation.models import Proposal

    if not Proposal.objects.filter(synthetic=True).exists():
        from atazan.consultation import demo as consultation_demo

        console.print("commission: building the consultation demo first (the agenda links its proposals)")
        consultation_demo.build(console=console)


def build(*, console: Console) -> None:
    from atazan.texts.services import official_text_import

    _consultation_ensure(console)

    for year in (1995, 2026):
        official_text_import(year=year, language=LANGUAGE)  # idempotent; texts' own demo usually did it already
    expression = official_expression(year=2026, language=LANGUAGE)
    old_expr = official_expression(year=1995, language=LANGUAGE)
    assert expression is not None and old_expr is not None  # noqa: S101 - imported just above
    if DraftVersion.objects.filter(status=DraftVersion.Status.FINAL).exists():
        console.print("commission: demo Commission already built (130 synthetic members, 8 sessions, 3 versions)")
        secretary, _, _ = _users(console)
        filled = _titles_fill(secretary)
        if filled:
            console.print(f"commission: Kazakh and Russian titles added to {filled} sessions and agenda items")
        _link_proposals(console)
        _answer_proposals(console)
        _open_session(console)
        _texts_fill(secretary)
        _minutes_fill(secretary)
        return
    final = official_articles(expression)
    final_by = {a.num: a.wording for a in final}
    old_by = {a.num: a.wording for a in official_articles(old_expr)}
    with transaction.atomic():
        secretary, commissioner, commenters = _users(console)
        members = _members(secretary, commissioner)
        ds.draft_version_start(
            actor=secretary,
            date=date(2026, 1, 28),
            title="Consolidated draft (synthetic reconstruction)",
            articles=_consolidated(final, old_by),
            synthetic=True,
            note="Reconstructed by atazan for the demo: the articles the demo sessions decide start from their "
            "1995 wording; the published consolidated draft's text is not reproduced.",
        )
        rng = random.Random(SEED)
        for number, (day, title, present_n, items) in enumerate(SESSIONS, start=1):
            session = cs.session_schedule(
                actor=secretary, number=number, date=day, title=title, synthetic=True, titles=_titles(title)
            )
            present = [m for m in members if m.role != MemberRole.MEMBER or m.seat == 10]
            others = [m for m in members if m not in present]
            present += rng.sample(others, present_n - len(present))
            cs.attendance_record(actor=secretary, session=session, present=present)
            cs.speaker_add(actor=secretary, session=session, member=members[0], topic="Opening and agenda")
            for item_title, articles, theme, kind, changes, profile in items:
                proposals = [r.number for r in proposals_for_articles(articles, limit=PROPOSALS_PER_ITEM)]
                item = cs.agenda_item_add(
                    actor=secretary,
                    session=session,
                    title=item_title,
                    articles=articles,
                    theme=theme,
                    proposals=proposals,
                    titles=_titles(item_title),
                )
                rapporteur = rng.choice(others)
                cs.speaker_add(actor=secretary, session=session, member=rapporteur, topic=item_title)
                if profile is None:
                    continue  # no quorum: the item was not put to the vote
                for m in present:
                    assert m.user is not None  # noqa: S101 - every demo member has a user
                choices = _choices(rng, present, profile)
                for m in present:
                    cs.vote_cast(actor=m.user, item=item, choice=choices[m.pk])  # type: ignore[arg-type]
                wording = [_wording_change(c, final_by) for c in changes]
                summary = f"{item_title}: {VERDICT[kind]}"
                cs.decision_record(actor=secretary, item=item, kind=kind, summary=summary, changes=wording)
            if day == date(2026, 1, 29):
                draft2 = ds.draft_version_create(
                    actor=secretary,
                    date=date(2026, 1, 31),
                    title="First draft published (synthetic reconstruction)",
                    publish=True,
                    synthetic=True,
                    note="Draft 1 with the decisions of sessions 1–4 applied.",
                )
        ds.draft_adopt_official(
            actor=secretary,
            date=date(2026, 2, 12),
            title="Final draft published on 12 February 2026 (official text)",
            expression=expression,
        )
        _comments(secretary, commenters, draft2)
    console.print(
        f"commission: {len(members)} synthetic members, {len(SESSIONS)} sessions, "
        f"{DraftVersion.objects.count()} draft versions, {Comment.objects.count()} comments"
    )
    secretary = User.objects.get(username="commission-secretary")
    # The decisions' Kazakh and Russian texts first: each answered proposal quotes its decision's summary in the
    # proposal's own language, and an answer once given is not written again.
    _texts_fill(secretary)
    _link_proposals(console)
    _answer_proposals(console)
    _open_session(console)
    _texts_fill(secretary)
    _minutes_fill(secretary)


COMMENTS = (
    ("53", "1", "Сто сорок пять депутатов — это меньше, чем сейчас в двух палатах вместе. Хватит ли?", True),
    ("53", "1", "Поддерживаю пропорциональную систему по единому общенациональному округу.", True),
    ("53", "", "Нужно закрепить квоту для регионов в партийных списках.", True),
    ("17", "3", "Наконец запрет смертной казни прямо в Конституции.", True),
    ("21", "1", "Хорошо, что защита персональных данных распространена на цифровую форму.", True),
    ("21", "", "Реклама: купите наш VPN!", False),
    ("33", "", "Светскость образования следует раскрыть в законе.", None),
)


def _comments(secretary: User, commenters: list[User], draft: DraftVersion) -> None:
    for k, (article, paragraph, text, approve) in enumerate(COMMENTS):
        comment = ds.comment_submit(
            actor=commenters[k % len(commenters)],
            version=draft,
            article=article,
            paragraph=paragraph,
            text=f"{text} (демо)",
            synthetic=True,
        )
        if approve is not None:
            ds.comment_moderate(
                actor=secretary, comment=comment, approve=approve, reason="" if approve else "advertising, off topic"
            )


def _link_proposals(console: Console) -> None:
    """Link agenda items to consultation's demo proposals on the same articles, once consultation has them."""
    secretary = User.objects.filter(username="commission-secretary").first()
    if secretary is None:
        return
    linked = 0
    for item in AgendaItem.objects.filter(proposals=[]).exclude(articles=[]):
        refs = proposals_for_articles(item.articles, limit=PROPOSALS_PER_ITEM)
        if refs:
            cs.agenda_item_link_proposals(actor=secretary, item=item, proposals=[r.number for r in refs])
            linked += 1
    with_proposals = sum(1 for p in AgendaItem.objects.values_list("proposals", flat=True) if p)
    console.print(
        f"commission: {with_proposals} agenda items name demo proposals ({linked} linked just now); "
        f"sessions: {Session.objects.count()}"
    )


def _answer_proposals(console: Console) -> None:
    """The working group answers the proposals on each adopted decision with it, through consultation's workflow
    (commission.services.decision_answer_proposals); proposals answered before are left alone."""
    wg = User.objects.filter(username="secretary").first()
    if wg is None:
        return
    answered = 0
    for decision in Decision.objects.filter(adopted=True).select_related("item__session").order_by("pk"):
        if decision.item.proposals:
            answered += len(cs.decision_answer_proposals(actor=wg, decision=decision).answered)
    console.print(f"commission: {answered} demo proposals answered with the Commission's decisions (synthetic)")


REPORT = "Report on the public comments received on the published draft"
OPEN_SESSION = (9, date(2026, 2, 12), "Public comments on the published draft (voting open, synthetic)")


def _open_session(console: Console) -> None:
    """A session whose vote is still open, so that the demo member `commissioner` can vote on the session page."""
    number, day, title = OPEN_SESSION
    if Session.objects.filter(number=number).exists():
        return
    secretary = User.objects.get(username="commission-secretary")
    members = list(Member.objects.select_related("user").order_by("seat"))
    with transaction.atomic():
        session = cs.session_schedule(
            actor=secretary, number=number, date=day, title=title, synthetic=True, titles=_titles(title)
        )
        rng = random.Random(SEED + number)
        present = [m for m in members if m.seat <= 4 or m.seat == 10]
        present += rng.sample([m for m in members if m not in present], 112 - len(present))
        cs.attendance_record(actor=secretary, session=session, present=present)
        cs.speaker_add(actor=secretary, session=session, member=members[0], topic="Opening and agenda")
        item = cs.agenda_item_add(
            actor=secretary,
            session=session,
            title=REPORT,
            theme="Public comments",
            titles=_titles(REPORT),
        )
        voters = [m for m in present if m.seat != 10][:60]  # the rest, the demo member among them, have not voted
        by_pk = {m.pk: m for m in voters}
        for pk, choice in _choices(rng, voters, ADOPT).items():
            cs.vote_cast(actor=by_pk[pk].user, item=item, choice=choice)  # type: ignore[arg-type]
    console.print(f"commission: session {number} open for voting (sign in as `commissioner` to vote)")
