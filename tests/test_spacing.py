"""Words typed without spaces (``bot.understanding.spacing`` and the pipeline stage that uses it)."""

from __future__ import annotations

from bot.answers import Answerer
from bot.model import Knowledge
from bot.understanding import qtype
from bot.understanding.index import Index
from bot.understanding.matcher import Matcher
from bot.understanding.pipeline import STAGES, Parse
from bot.understanding.settings import MatcherSettings
from bot.understanding.spacing import split_function_words, split_run_together
from bot.understanding.stopwords import STOPWORDS

KNOWN = frozenset({"ludenscheid", "menden", "mitmacherkommunen", "dabei", "arnsberg", "smart", "city"})


def split(word: str) -> list[str] | None:
    return split_run_together(word, STOPWORDS.__contains__, KNOWN.__contains__, qtype.is_question_word)


def test_a_question_typed_without_spaces_is_read_as_its_words() -> None:
    assert split("istludenscheiddabei") == ["ist", "ludenscheid", "dabei"]
    assert split("whatisasmartcity") == ["what", "is", "a", "smart", "city"]
    assert split("wannwardiekonferenzinarnsberg") == ["wann", "war", "die", "konferenz", "in", "arnsberg"]
    assert split("machtmendenmit") == ["macht", "menden", "mit"]  # (a verb and known words)


def test_short_function_words_run_together_are_read_only_as_function_words() -> None:
    def apart(word: str) -> list[str] | None:
        return split_function_words(word, STOPWORDS.__contains__, qtype.is_question_word)

    assert apart("istdas") == ["ist", "das"]
    assert apart("isdas") == ["is", "das"]  # (chat's German "is")
    assert apart("wasisdas") == ["was", "is", "das"]
    for word in ("wendener", "dieser", "hatte", "kann"):  # (a name, words, too short)
        assert apart(word) is None, word


def test_a_short_token_is_written_apart_only_in_lower_case(answerer: Answerer) -> None:
    assert answerer.ask("smartcitiessüdwestfalen was isdas").intent == "initiative"


def test_a_word_of_prefixes_and_endings_is_no_sentence() -> None:
    # German words are made of words too: prefixes, endings and compounds stay one word
    for word in ("aufzurusten", "arnsberger", "wiederaufforstung", "lottozahlen", "verbindlichst",
                 "urbanisation", "eijentlich", "mitburgerinnen", "wochemaat", "mullabfuhrtermine"):
        assert split(word) is None, word
    assert split("kurz") is None  # (too short to be a sentence)


def test_the_stage_writes_the_words_apart_in_the_text(index: Index) -> None:
    p = Parse("Istlüdenscheiddabei?")
    for name, stage in STAGES:
        stage(p, index, MatcherSettings())
        if name == "run together":
            break
    assert p.question == "Ist lüdenscheid dabei?"  # (the letters as written: umlauts tell the language)
    assert p.tokens.folded == ("ist", "ludenscheid", "dabei")
    assert ("run together", "istludenscheiddabei -> ist ludenscheid dabei") in p.trace


def test_questions_without_spaces_are_answered_and_traps_still_fall_back(knowledge: Knowledge) -> None:
    matcher = Matcher(knowledge)
    m = matcher.match("istlüdenscheiddabei?")
    assert m.intent == "membership" and m.towns
    assert matcher.match("welchestädtesindmitmacherkommunen?").intent == "mitmacherkommunen"
    assert matcher.match("howmuchmoneydidtheyget").intent == "funding"
    # (also where the index reads a known word at its start: "wieviele|kommunenmachenmit?")
    assert matcher.match("wievielekommunenmachenmit?").intent == "mitmacherkommunen"
    assert matcher.match("wannkommtdiemüllabfuhrinolpe").intent is None  # (the waste collection: not covered)
    assert matcher.match("wiedaswetterwirdmorgeninsiegen").intent is None


def test_the_answer_is_in_the_language_of_the_words_written_apart(answerer: Answerer) -> None:
    assert answerer.ask("howmuchmoneydidtheyget").lang == "en"
    assert answerer.language_of("howmuchmoneydidtheyget") == "en"  # (what the accuracy bench reports)
    assert answerer.language_of("wiehochistdieförderung") == "de"


def _upto_run_together(question: str, index: Index) -> Parse:
    p = Parse(question)
    for name, stage in STAGES:
        stage(p, index, MatcherSettings())
        if name == "run together":
            return p
    raise AssertionError("no stage 'run together'")


def test_a_number_typed_onto_words_is_written_apart_where_the_words_are_read(index: Index) -> None:
    assert _upto_run_together("alle14kommunen auflisten", index).tokens.folded == ("alle", "14", "kommunen",
                                                                                  "auflisten")
    assert _upto_run_together("Mendenplatz3 wofür", index).question == "Mendenplatz 3 wofür"
    # not where a piece would be a word the index cannot read ("… wie nem 5jährigen"), nor short pieces
    for question in ("erklärs wie nem 5jährigen", "3rd place?", "eli5 pls", "stau auf der a45"):
        assert _upto_run_together(question, index).question == question, question
