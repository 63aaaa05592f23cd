from atazan.consultation.domain.normalize import normalize_text


def test_greetings_and_signatures_in_three_languages_are_cut():
    core = "предлагаю сделать парламент однопалатным"
    assert normalize_text("Здравствуйте! Предлагаю сделать Парламент однопалатным. С уважением, Иванов И.И.") == core
    assert normalize_text("Уважаемые члены рабочей группы, предлагаю сделать парламент однопалатным — Петров") == core
    kk = "Сәлеметсіз бе! Бір палаталы парламент керек. Құрметпен, Асқаров"
    assert normalize_text(kk) == "бір палаталы парламент керек"
    assert normalize_text("Dear colleagues, a unicameral parliament please. Best regards, John") == (
        "a unicameral parliament please"
    )


def test_article_numbers_survive_and_case_and_yo_fold():
    assert normalize_text("Изменить СТАТЬЮ 83-1, всё!") == "изменить статью 83 1 все"


def test_short_text_is_not_emptied_by_a_signoff():
    assert normalize_text("Спасибо за внимание") == "спасибо за внимание"
