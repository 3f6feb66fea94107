"""Language identification: clear non-English is refused with its name; short English never is."""

from __future__ import annotations

import pytest

from newsevents.errors import InputError
from newsevents.ingest.language import (
    MIN_REFUSAL_CHARS,
    LanguageGuess,
    check_language,
    default_detector,
    is_refused,
    language_name,
)

# Our own sentences (one news-style line each), in 13 languages, used to calibrate the thresholds.
OTHER_LANGUAGES = {
    "fr": "Les pompiers ont maîtrisé l'incendie de l'entrepôt dans la nuit de mardi, selon la préfecture.",
    "de": "Die Feuerwehr hat den Brand in der Lagerhalle in der Nacht zum Dienstag unter Kontrolle gebracht.",
    "es": "Los bomberos controlaron el incendio del almacén durante la noche del martes, según la alcaldía.",
    "it": "I vigili del fuoco hanno domato l'incendio del magazzino nella notte di martedì, secondo il comune.",
    "pt": "Os bombeiros controlaram o incêndio no armazém durante a noite de terça-feira, segundo a prefeitura.",
    "nl": "De brandweer heeft de brand in het magazijn dinsdagnacht onder controle gekregen, meldt de gemeente.",
    "ru": "Пожарные потушили пожар на складе в ночь на вторник, сообщили в администрации города.",
    "uk": "Пожежники загасили пожежу на складі в ніч на вівторок, повідомили в міській адміністрації.",
    "pl": "Strażacy opanowali pożar magazynu w nocy z poniedziałku na wtorek, poinformował urząd miasta.",
    "tr": "İtfaiye ekipleri salı gecesi depoda çıkan yangını kontrol altına aldı, belediye açıkladı.",
    "ar": "سيطر رجال الإطفاء على الحريق في المستودع ليلة الثلاثاء بحسب البلدية.",
    "id": "Petugas pemadam kebakaran berhasil memadamkan api di gudang pada Selasa malam, kata pemerintah kota.",
    "sw": "Wazima moto walidhibiti moto katika ghala usiku wa Jumanne, serikali ya mji ilisema.",
}

SHORT_ENGLISH = [
    "Troops retake border village",
    "Curfew lifted in capital",
    "Strike halts ferry services",
    "Minister resigns over leaked memo",
    "Police fire tear gas at rally",
    "Five killed as bus overturns",
    "Protesters block motorway near airport",
    "Talks collapse; unions call general strike",
    "LAGOS — Police denied on Tuesday that officers had opened fire",
    "http://news.example.org/2024/05/06/story-123",
]


@pytest.mark.parametrize(("code", "text"), sorted(OTHER_LANGUAGES.items()))
def test_other_languages_are_refused_by_name(code: str, text: str) -> None:
    with pytest.raises(InputError) as info:
        check_language(text, "story.txt")
    assert info.value.code == "language"
    assert f"({code})" in str(info.value) and "not English" in str(info.value)


@pytest.mark.parametrize("code", ["fr", "de", "pl", "sw"])
def test_eight_word_phrases_are_refused_too(code: str) -> None:
    phrase = " ".join(OTHER_LANGUAGES[code].split()[:8])
    assert len(phrase) >= MIN_REFUSAL_CHARS
    with pytest.raises(InputError):
        check_language(phrase, "phrase")


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_is_never_refused(text: str) -> None:
    assert check_language(text, "headline") == "en"


def test_english_article_is_english() -> None:
    text = ("The regional council met on Monday to discuss the closure of two rural schools. Parents "
            "gathered outside the town hall with banners, and a decision was postponed until June.")
    assert check_language(text, "story") == "en"


def test_too_short_to_refuse_whatever_the_guess() -> None:
    guess = LanguageGuess(language="fr", confidence=1.0, english=0.0)
    assert not is_refused(guess, MIN_REFUSAL_CHARS - 1)
    assert is_refused(guess, MIN_REFUSAL_CHARS)


def test_unsure_guess_is_not_refused() -> None:
    assert not is_refused(LanguageGuess(language="da", confidence=0.5, english=0.2), 500)
    assert not is_refused(LanguageGuess(language="zxx", confidence=1.0, english=0.0), 500)


class FixedDetector:
    def __init__(self, guess: LanguageGuess) -> None:
        self.guess = guess

    def detect(self, text: str) -> LanguageGuess:
        return self.guess


def test_detector_is_swappable() -> None:
    detector = FixedDetector(LanguageGuess(language="de", confidence=0.99, english=0.0))
    with pytest.raises(InputError, match="German"):
        check_language("x" * 100, "story", detector)


def test_language_names() -> None:
    assert language_name("fr") == "French (fr)"
    assert language_name("pcm") == "Nigerian Pidgin (pcm)"
    assert language_name("qqq") == "qqq"


def test_detector_is_cached() -> None:
    assert default_detector() is default_detector()
