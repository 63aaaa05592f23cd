"""A deterministic synthetic corpus of citizen proposals (kk/ru/en) on the reform's real topics.

SYNTHETIC: every text, name and IIN here is made up by this generator; nothing is a real appeal. The topics are
the reform's (shared/domain/FACTS.md): unicameral Kurultai, People's Council, Vice President, language, land,
secular state, digital rights, courts, local government. Copy-paste campaigns are produced with the variations
real campaigns show: greetings, signatures, typos, case, an added personal sentence.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass

from atazan.accounts.domain.iin import iin_complete
from atazan.standards.names import region_name

REGIONS = (
    "Abai", "Akmola", "Aktobe", "Almaty oblast", "Atyrau", "West Kazakhstan", "Zhambyl", "Zhetisu", "Karaganda",
    "Kostanay", "Kyzylorda", "Mangystau", "Pavlodar", "North Kazakhstan", "Turkistan", "Ulytau", "East Kazakhstan",
    "Astana", "Almaty", "Shymkent",
)  # fmt: skip

# topic: (article of the 2026 Constitution, {lang: (demands, reasons)})
TOPICS: dict[str, tuple[str, dict[str, tuple[tuple[str, ...], tuple[str, ...]]]]] = {
    "parliament": (
        "53",
        {
            "ru": (
                (
                    "Предлагаю сделать парламент однопалатным, Курултай из {n} депутатов",
                    "Депутатов Курултая нужно избирать и по партийным спискам, и по одномандатным округам",
                    "Сенат следует упразднить, а его полномочия передать Курултаю",
                ),
                ("так парламент станет ближе к людям", "это сократит расходы бюджета на {n} миллиардов"),
            ),
            "kk": (
                (
                    "Парламентті бір палаталы етуді ұсынамын, Құрылтай {n} депутаттан тұрсын",
                    "Құрылтай депутаттары партиялық тізіммен де, бір мандатты округтен де сайлансын",
                    "Сенатты тарату керек, оның өкілеттіктері Құрылтайға берілсін",
                ),
                ("сонда парламент халыққа жақын болады", "бұл бюджет шығынын {n} миллиардқа азайтады"),
            ),
            "en": (
                (
                    "I propose a unicameral parliament, a Kurultai of {n} deputies",
                    "Kurultai deputies should be elected both from party lists and in single-member districts",
                    "The Senate should be abolished and its powers passed to the Kurultai",
                ),
                ("parliament would be closer to the people", "it would save {n} billion tenge a year"),
            ),
        },
    ),
    "peoples_council": (
        "70",
        {
            "ru": (
                (
                    "Народный совет должен состоять из {n} членов, избранных общественными организациями",
                    "Народному совету нужно дать право законодательной инициативы",
                    "Заседания Народного совета надо транслировать в прямом эфире",
                ),
                ("это даст голос всем этносам страны", "гражданское общество будет услышано"),
            ),
            "kk": (
                (
                    "Халық Кеңесі қоғамдық ұйымдар сайлаған {n} мүшеден тұруы керек",
                    "Халық Кеңесіне заң шығару бастамашылығы құқығын беру қажет",
                    "Халық Кеңесінің отырыстары тікелей эфирде көрсетілсін",
                ),
                ("бұл барлық этностарға дауыс береді", "азаматтық қоғамның үні естіледі"),
            ),
            "en": (
                (
                    "The People's Council should have {n} members chosen by civil society",
                    "The People's Council needs the right of legislative initiative",
                    "Sessions of the People's Council must be broadcast live",
                ),
                ("every ethnic group would have a voice", "civil society would be heard"),
            ),
        },
    ),
    "vice_president": (
        "49",
        {
            "ru": (
                (
                    "Вице-президент должен назначаться только с согласия Курултая",
                    "Вице-президент не может быть родственником Президента",
                    "Полномочия вице-президента нужно четко прописать в Конституции",
                ),
                ("это исключит семейственность", "так будет ясен порядок преемственности власти"),
            ),
            "kk": (
                (
                    "Вице-президент тек Құрылтайдың келісімімен тағайындалуы керек",
                    "Вице-президент Президенттің туысы бола алмайды",
                    "Вице-президенттің өкілеттіктерін Конституцияда нақты жазу керек",
                ),
                ("бұл туыстық байланысты болдырмайды", "билік сабақтастығының тәртібі айқын болады"),
            ),
            "en": (
                (
                    "The Vice President should be appointed only with the consent of the Kurultai",
                    "The Vice President must not be a relative of the President",
                    "The powers of the Vice President should be spelled out in the Constitution",
                ),
                ("it rules out nepotism", "the order of succession becomes clear"),
            ),
        },
    ),
    "language": (
        "9",
        {
            "ru": (
                (
                    "Казахский язык должен быть единственным языком делопроизводства в госорганах",
                    "Русский язык должен сохранить статус официального языка",
                    "Госслужащие должны сдавать экзамен по казахскому языку",
                ),
                ("язык объединяет народ", "это уважение к гражданам, которые говорят по-разному"),
            ),
            "kk": (
                (
                    "Мемлекеттік органдарда іс қағаздары тек қазақ тілінде жүргізілсін",
                    "Орыс тілі ресми тіл мәртебесін сақтауы керек",
                    "Мемлекеттік қызметшілер қазақ тілінен емтихан тапсыруы тиіс",
                ),
                ("тіл халықты біріктіреді", "бұл әртүрлі тілде сөйлейтін азаматтарға құрмет"),
            ),
            "en": (
                (
                    "Kazakh should be the only language of paperwork in state bodies",
                    "Russian should keep its status as an official language",
                    "Civil servants should pass an exam in the Kazakh language",
                ),
                ("language unites the people", "it respects citizens who speak different languages"),
            ),
        },
    ),
    "land": (
        "11",
        {
            "ru": (
                (
                    "Земля и недра должны принадлежать народу и не продаваться иностранцам",
                    "Аренду сельхозземли иностранцами нужно ограничить {n} годами",
                    "Пастбища должны остаться в общем пользовании жителей сел",
                ),
                ("земля — главное богатство страны", "иначе фермеры потеряют свои угодья"),
            ),
            "kk": (
                (
                    "Жер мен жер қойнауы халыққа тиесілі, шетелдіктерге сатылмауы керек",
                    "Шетелдіктердің ауыл шаруашылығы жерін жалдауын {n} жылмен шектеу керек",
                    "Жайылымдар ауыл тұрғындарының ортақ пайдалануында қалсын",
                ),
                ("жер — елдің басты байлығы", "әйтпесе фермерлер жерінен айырылады"),
            ),
            "en": (
                (
                    "Land and subsoil must belong to the people and never be sold to foreigners",
                    "Foreign leases of farmland should be limited to {n} years",
                    "Pastures must stay in the common use of village residents",
                ),
                ("land is the country's main wealth", "otherwise farmers will lose their fields"),
            ),
        },
    ),
    "secular": (
        "1",
        {
            "ru": (
                (
                    "Светский характер государства должен остаться неизменным",
                    "Образование в государственных школах должно оставаться светским",
                    "Религиозные объединения не должны участвовать в политике",
                ),
                ("это основа межконфессионального мира", "школа должна давать знания, а не веру"),
            ),
            "kk": (
                (
                    "Мемлекеттің зайырлы сипаты өзгермеуі керек",
                    "Мемлекеттік мектептердегі білім зайырлы болып қалуы тиіс",
                    "Діни бірлестіктер саясатқа араласпауы керек",
                ),
                ("бұл конфессияаралық татулықтың негізі", "мектеп сенім емес, білім беруі керек"),
            ),
            "en": (
                (
                    "The secular character of the state must remain unchanged",
                    "Education in state schools must stay secular",
                    "Religious associations must not take part in politics",
                ),
                ("it is the basis of interfaith peace", "school should give knowledge, not faith"),
            ),
        },
    ),
    "digital": (
        "21",
        {
            "ru": (
                (
                    "Персональные данные граждан должны собираться только с их согласия",
                    "Отключать интернет можно только по решению суда",
                    "Доступ к интернету нужно признать конституционным правом",
                ),
                ("цифровая жизнь тоже требует защиты", "утечки данных случаются слишком часто"),
            ),
            "kk": (
                (
                    "Азаматтардың дербес деректері тек олардың келісімімен жиналсын",
                    "Интернетті тек сот шешімімен өшіруге болады",
                    "Интернетке қолжетімділік конституциялық құқық ретінде танылсын",
                ),
                ("цифрлық өмір де қорғауды қажет етеді", "деректердің таралуы жиі болып тұр"),
            ),
            "en": (
                (
                    "Personal data of citizens should be collected only with their consent",
                    "The internet may be shut down only by a court decision",
                    "Access to the internet should be recognised as a constitutional right",
                ),
                ("digital life needs protection too", "data leaks happen far too often"),
            ),
        },
    ),
    "courts": (
        "79",
        {
            "ru": (
                (
                    "Судьи Верховного суда должны избираться Курултаем",
                    "Суд присяжных нужно распространить на все тяжкие преступления",
                    "Все решения судов должны публиковаться в интернете",
                ),
                ("суды станут независимыми", "люди будут доверять правосудию"),
            ),
            "kk": (
                (
                    "Жоғарғы Сот судьяларын Құрылтай сайлауы керек",
                    "Алқабилер сотын барлық ауыр қылмыстарға қолдану керек",
                    "Соттардың барлық шешімдері интернетте жариялансын",
                ),
                ("соттар тәуелсіз болады", "адамдар сот төрелігіне сенеді"),
            ),
            "en": (
                (
                    "Supreme Court judges should be elected by the Kurultai",
                    "Jury trials should cover all grave crimes",
                    "All court decisions should be published online",
                ),
                ("courts will become independent", "people will trust justice"),
            ),
        },
    ),
    "local": (
        "88",
        {
            "ru": (
                (
                    "Акимы районов и городов должны избираться жителями",
                    "Маслихаты должны утверждать местный бюджет без согласования сверху",
                    "Аким села должен отчитываться перед жителями каждые {n} месяца",
                ),
                ("власть будет отвечать перед людьми", "деньги пойдут на нужды села"),
            ),
            "kk": (
                (
                    "Аудан және қала әкімдерін тұрғындар сайлауы керек",
                    "Мәслихаттар жергілікті бюджетті жоғарымен келіспей бекітсін",
                    "Ауыл әкімі тұрғындар алдында әр {n} ай сайын есеп берсін",
                ),
                ("билік халық алдында жауап береді", "ақша ауылдың қажетіне жұмсалады"),
            ),
            "en": (
                (
                    "Akims of districts and cities should be elected by residents",
                    "Maslikhats should approve the local budget without approval from above",
                    "The village akim should report to residents every {n} months",
                ),
                ("power will answer to the people", "money will go to what the village needs"),
            ),
        },
    ),
}

# Slots for the personal part of an individual proposal, so that two citizens on one topic write different texts.
STORY = {
    "ru": ("Я {profession} из региона {region}, мне {age} лет, {family}.", "{experience}, и {hope}."),
    "kk": ("Мен {region} өңірінен {profession}, жасым {age}, {family}.", "{experience}, және {hope}."),
    "en": ("I am a {profession} from {region}, aged {age}, {family}.", "{experience}, and {hope}."),
}
SLOTS = {
    "ru": {
        "profession": ("учитель", "врач", "фермер", "инженер", "студент", "пенсионер", "предприниматель", "юрист",
                       "водитель", "медсестра", "строитель", "экономист"),
        "family": ("у меня трое детей", "живу с родителями", "воспитываю дочь", "недавно женился",
                   "у нас большая семья", "живу один"),
        "experience": ("Я {years} лет работаю в селе", "Я голосую на всех выборах с {year} года",
                       "Мы с соседями обсуждали проект {days} дней", "Я прочитал проект Конституции дважды",
                       "Я участвовал в общественных слушаниях в {year} году", "Я {years} лет состою в профсоюзе"),
        "hope": ("надеюсь на справедливое решение", "жду ответа рабочей группы", "верю в перемены",
                 "хочу, чтобы мои дети жили лучше", "прошу учесть мнение нашего района", "готов помочь с обсуждением"),
    },
    "kk": {
        "profession": ("мұғаліммін", "дәрігермін", "фермермін", "инженермін", "студентпін", "зейнеткермін",
                       "кәсіпкермін", "заңгермін", "жүргізушімін", "мейірбикемін", "құрылысшымын", "экономистпін"),
        "family": ("үш балам бар", "ата-анаммен тұрамын", "қызымды тәрбиелеп отырмын", "жақында үйлендім",
                   "отбасымыз үлкен", "жалғыз тұрамын"),
        "experience": ("Ауылда {years} жыл жұмыс істеймін", "{year} жылдан бері барлық сайлауға қатысамын",
                       "Көршілерімізбен жобаны {days} күн талқыладық", "Конституция жобасын екі рет оқыдым",
                       "{year} жылы қоғамдық тыңдауға қатыстым", "Кәсіподақта {years} жыл мүшемін"),
        "hope": ("әділ шешім күтемін", "жұмыс тобының жауабын күтемін", "өзгеріске сенемін",
                 "балаларым жақсы өмір сүрсін деймін", "ауданымыздың пікірін ескеруді сұраймын",
                 "талқылауға көмектесуге дайынмын"),
    },
    "en": {
        "profession": ("teacher", "doctor", "farmer", "engineer", "student", "pensioner", "small business owner",
                       "lawyer", "driver", "nurse", "builder", "economist"),
        "family": ("I have three children", "I live with my parents", "I am raising a daughter",
                   "I married recently", "we are a big family", "I live alone"),
        "experience": ("I have worked in a village for {years} years", "I have voted in every election since {year}",
                       "my neighbours and I discussed the draft for {days} days", "I read the draft Constitution twice",
                       "I took part in public hearings in {year}", "I have been a union member for {years} years"),
        "hope": ("I hope for a fair decision", "I am waiting for the working group's answer", "I believe in change",
                 "I want my children to live better", "please consider the view of our district",
                 "I am ready to help with the discussion"),
    },
}  # fmt: skip
ARTICLE_NOTE = {"ru": "(статья {a})", "kk": "({a}-бап)", "en": "(Art. {a})"}
GREETINGS = {
    "ru": ("Здравствуйте!", "Добрый день.", "Уважаемые члены рабочей группы!"),
    "kk": ("Сәлеметсіз бе!", "Құрметті жұмыс тобының мүшелері!"),
    "en": ("Hello,", "Dear members of the working group,"),
}
SIGNATURES = {
    "ru": ("С уважением, {name}", "Спасибо за внимание. {name}"),
    "kk": ("Құрметпен, {name}", "Рахмет! {name}"),
    "en": ("Best regards, {name}", "Sincerely, {name}"),
}
SURNAMES = (
    "Ахметов",
    "Сейткали",
    "Иванова",
    "Нурланов",
    "Ким",
    "Омарова",
    "Беков",
    "Жумабаева",
    "Петров",
    "Абдрахманов",
)
NAMES = ("Айгерим", "Нурлан", "Елена", "Данияр", "Асель", "Сергей", "Жанар", "Ерлан", "Мадина", "Тимур")

CAMPAIGN_SHARE = 0.3
EPOCH = dt.datetime(2025, 10, 8, 9, 0, tzinfo=dt.UTC)  # the working group's call for proposals opened


@dataclass(frozen=True)
class SyntheticProposal:
    key: str
    text: str
    language: str
    region: str
    submitted_at: dt.datetime
    topic: str
    campaign: str  # "" for an individual proposal
    surname: str
    name: str
    iin: str
    articles: tuple[str, ...]


def synthetic_iin(born: dt.date, *, female: bool, serial: int) -> str:
    """A valid IIN for a synthetic person (accounts.domain.iin: YYMMDD, century/sex digit, four serial digits, check
    digit); the serial moves on past the eleven-digit bodies that have no check digit."""
    century_digit = {1800: 1, 1900: 3, 2000: 5}[born.year // 100 * 100] + (1 if female else 0)
    while True:
        iin = iin_complete(f"{born:%y%m%d}{century_digit}{serial % 10000:04d}")
        if iin is not None:
            return iin
        serial += 1


def _typos(text: str, rng: random.Random, count: int) -> str:
    chars = list(text)
    for _ in range(count):
        i = rng.randrange(len(chars))
        if chars[i].isalpha():
            operation = rng.randrange(3)
            if operation == 0:
                del chars[i]
            elif operation == 1:
                chars.insert(i, chars[i])
            elif i + 1 < len(chars):
                chars[i], chars[i + 1] = chars[i + 1], chars[i]
    return "".join(chars)


def _story(lang: str, rng: random.Random) -> str:
    slots = SLOTS[lang]
    first, second = STORY[lang]
    experience = rng.choice(slots["experience"]).format(
        years=rng.randrange(2, 40), year=rng.randrange(1995, 2024), days=rng.randrange(2, 30)
    )
    return " ".join(
        (
            first.format(
                profession=rng.choice(slots["profession"]), region=region_name(rng.choice(REGIONS), lang),
                age=rng.randrange(19, 80),
                family=rng.choice(slots["family"]),
            ),
            second.format(experience=experience, hope=rng.choice(slots["hope"])),
        )
    )  # fmt: skip


def _compose(topic: str, lang: str, rng: random.Random, *, with_article: bool) -> tuple[str, tuple[str, ...]]:
    """One citizen's proposal: a demand, a reason and a few words about themselves."""
    article, by_lang = TOPICS[topic]
    demands, reasons = by_lang[lang]
    demand = rng.choice(demands).format(n=rng.choice((3, 5, 7, 10, 49, 100, 120, 126, 145, 150)))
    reason = rng.choice(reasons).format(n=rng.choice((12, 20, 35, 50)))
    note = " " + ARTICLE_NOTE[lang].format(a=article) if with_article else ""
    connector = {"ru": "потому что", "kk": "себебі", "en": "because"}[lang]
    parts = [f"{demand}{note}, {connector} {reason}.", _story(lang, rng)]
    if rng.random() < 0.3:
        parts.reverse()
    return " ".join(parts), ((article,) if with_article else ())


def _dress(text: str, lang: str, rng: random.Random, name: str) -> str:
    """A campaign copy as a citizen pastes it: greeting, signature, typos, case."""
    if rng.random() < 0.5:
        text = f"{rng.choice(GREETINGS[lang])} {text}"
    if rng.random() < 0.5:
        text = f"{text} {rng.choice(SIGNATURES[lang]).format(name=name)}"
    if rng.random() < 0.3:
        text = _typos(text, rng, rng.randrange(1, 4))
    if rng.random() < 0.1:
        text = text.upper()
    return text


def synthetic_proposals(count: int, *, seed: int = 2026) -> Iterator[SyntheticProposal]:
    """``count`` proposals, always the same for the same seed."""
    rng = random.Random(seed)
    topics = list(TOPICS)
    languages = ("kk", "ru", "en")
    language_weights = (45, 45, 10)
    campaigns = []
    for c in range(max(3, count // 400)):
        topic, lang = rng.choice(topics), rng.choices(languages, language_weights)[0]
        text, articles = _compose(topic, lang, rng, with_article=rng.random() < 0.5)
        campaigns.append((f"C{c + 1}", topic, lang, text, articles))
    campaign_weights = [1 / (i + 1) for i in range(len(campaigns))]  # a few big campaigns, many small ones
    for i in range(count):
        surname, name = rng.choice(SURNAMES), rng.choice(NAMES)
        female = surname.endswith("а")
        born = dt.date(1946, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 60))
        iin = synthetic_iin(born, female=female, serial=i)
        submitted = EPOCH + dt.timedelta(minutes=int((i / max(1, count)) * 60 * 24 * 150) + rng.randrange(0, 600))
        if rng.random() < CAMPAIGN_SHARE:
            key, topic, lang, text, articles = rng.choices(campaigns, campaign_weights)[0]
            text = _dress(text, lang, rng, f"{surname} {name[0]}.")
            campaign = key
        else:
            topic, lang = rng.choice(topics), rng.choices(languages, language_weights)[0]
            text, articles = _compose(topic, lang, rng, with_article=rng.random() < 0.3)
            campaign = ""
        yield SyntheticProposal(
            key=f"S{i + 1:06d}", text=text, language=lang, region=rng.choice(REGIONS), submitted_at=submitted,
            topic=topic, campaign=campaign, surname=surname, name=name, iin=iin, articles=articles,
        )  # fmt: skip
