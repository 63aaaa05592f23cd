"""A labelled set of real-looking proposal endings in kk/ru/en, with and without the applicant's signature, for the
open-data redaction (consultation.domain.redaction). Generated, deterministic: every example says which name (if
any) it carries, so precision and recall are counted, not guessed. Hard negatives end with capitalised institutions,
the Constitution, an article, or a courtesy alone."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    text: str
    body: str  # what must survive redaction unchanged
    names: tuple[str, ...]  # the words that must disappear; empty for a negative
    language: str


BODIES = {
    "ru": [
        "Прошу закрепить в статье 53 право граждан на доступ к информации о работе государственных органов.",
        "Предлагаю сократить срок полномочий депутатов Курултая до четырёх лет.",
        "Необходимо запретить продажу земли иностранцам, это вопрос суверенитета.",
        "Считаю важным сохранить бесплатное среднее образование в новой Конституции.",
        "Прошу учесть мнение жителей сельских округов при выборах акимов.",
    ],
    "kk": [
        "Конституцияның 53-бабында азаматтардың ақпаратқа қол жеткізу құқығын бекітуді сұраймын.",
        "Құрылтай депутаттарының өкілеттік мерзімін төрт жылға дейін қысқартуды ұсынамын.",
        "Жерді шетелдіктерге сатуға тыйым салу қажет, бұл егемендік мәселесі.",
        "Тегін орта білім беруді жаңа Конституцияда сақтау маңызды деп санаймын.",
        "Ауылдық округтердің тұрғындарының пікірін ескеруді сұраймын.",
    ],
    "en": [
        "I propose that Article 53 guarantee every citizen access to information about state bodies.",
        "The term of Kurultai deputies should be shortened to four years.",
        "Please keep free secondary education in the new Constitution.",
        "Land must not be sold to foreign citizens; this is a matter of sovereignty.",
        "Rural districts should elect their akims directly.",
    ],
}
HARD_ENDINGS = {
    "ru": [
        "Верховный Суд Республики Казахстан.",
        "Конституционный Суд.",
        "Президент Республики Казахстан.",
        "Это касается статьи 53 Конституции.",
        "Парламент Республики.",
        "Спасибо!",
        "С уважением.",
        "Заранее спасибо за внимание.",
        "Прошу рассмотреть.",
        "Народ Казахстана.",
    ],
    "kk": [
        "Қазақстан Республикасының Жоғарғы Соты.",
        "Конституциялық Сот.",
        "Рахмет!",
        "Құрметпен.",
        "Қазақстан халқы.",
        "Құрылтай Мәжілісі.",
        "Ескеруіңізді сұраймын.",
        "Алғыспен.",
    ],
    "en": [
        "Supreme Court of Kazakhstan.",
        "The Constitutional Court.",
        "Thank you!",
        "Regards.",
        "The People of Kazakhstan.",
        "Article 53 of the Constitution.",
        "Please consider this.",
        "Thanks.",
    ],
}
COURTESIES = {
    "ru": ["С уважением,", "Спасибо!", "Благодарю.", "Заранее спасибо!", "С уважением"],
    "kk": ["Рахмет!", "Құрметпен,", "Алғыспен,", "Рақмет."],
    "en": ["Regards,", "Best regards,", "Sincerely,", "Thank you!", "Kind regards,"],
}
SURNAMES = {
    "ru": [
        ("Омарова", "Нургуль", "Каримовна"),
        ("Иванов", "Сергей", "Петрович"),
        ("Ким", "Алексей", "Викторович"),
        ("Смирнова", "Елена", "Андреевна"),
        ("Ахметов", "Данияр", "Маратович"),
        ("Ли", "Ольга", "Сергеевна"),
        ("Петренко", "Игорь", "Николаевич"),
        ("Жукова", "Анна", "Павловна"),
    ],
    "kk": [
        ("Серіков", "Айдос", "Болатұлы"),
        ("Омарова", "Нұргүл", "Қайратқызы"),
        ("Жұмабаев", "Ерлан", "Серікұлы"),
        ("Әбдірахманова", "Әсем", "Ғалымқызы"),
        ("Нұрланов", "Ержан", "Асқарұлы"),
        ("Бекова", "Айгүл", "Маратқызы"),
        ("Төлеуов", "Мұрат", "Қанатұлы"),
        ("Сәрсенбай", "Дана", "Ерболқызы"),
    ],
    "en": [
        ("Smith", "John", ""),
        ("Omarova", "Nurgul", ""),
        ("Serikov", "Aidos", ""),
        ("Brown", "Emily", ""),
        ("Kim", "Daniel", ""),
        ("Zhumabayev", "Yerlan", ""),
        ("Taylor", "Sarah", ""),
        ("Lee", "Anna", ""),
    ],
}
PLACES = {
    "ru": [", г. Алматы", ", г. Шымкент", ""],
    "kk": [", Алматы қаласы", ", Түркістан облысы", ""],
    "en": [", Almaty", ""],
}


def _name(rng: random.Random, language: str) -> tuple[str, tuple[str, ...]]:
    surname, first, patronymic = rng.choice(SURNAMES[language])
    forms = [
        (f"{surname} {first[0]}.", (surname,)),
        (f"{first[0]}. {surname}", (surname,)),
        (f"{surname} {first}", (surname, first)),
        (f"{first} {surname}", (surname, first)),
    ]
    if patronymic:
        forms += [
            (f"{surname} {first[0]}.{patronymic[0]}.", (surname,)),
            (f"{surname} {first} {patronymic}", (surname, first, patronymic)),
        ]
    return rng.choice(forms)


def signoffs(count: int = 360, seed: int = 17) -> list[Example]:
    """``count`` examples, about two in three signed, evenly in kk/ru/en."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        language = ("kk", "ru", "en")[i % 3]
        body = " ".join(rng.sample(BODIES[language], rng.choice([1, 2])))
        kind = rng.random()
        if kind < 0.66:
            name, words = _name(rng, language)
            courtesy = rng.choice(COURTESIES[language] + [""])
            place = rng.choice(PLACES[language]) if rng.random() < 0.3 else ""
            sep = rng.choice([" ", "\n", "\n\n", " — "]) if courtesy else rng.choice(["\n", " — ", "\n\n", " "])
            if not courtesy and sep == " " and not any(c in name for c in ".") and language == "en":
                sep = "\n"  # an English name after a sentence with no courtesy and no line: ambiguous, kept apart
            tail = f"{courtesy}{rng.choice([' ', chr(10)]) if courtesy else ''}{name}{place}{rng.choice(['', '.'])}"
            out.append(Example(text=f"{body}{sep}{tail}", body=body, names=words, language=language))
        else:
            ending = rng.choice(HARD_ENDINGS[language])
            text = f"{body}{rng.choice([' ', chr(10)])}{ending}"
            out.append(Example(text=text, body=text, names=(), language=language))
    return out
