"""A message that speaks to another member by "@name" is not asked of the bot (``addressed``)."""

from __future__ import annotations

from bot.understanding.addressed import speaks_to
from bot.understanding.index import Index
from bot.understanding.normalize import tokenize
from bot.understanding.pipeline import run
from bot.understanding.settings import MatcherSettings

S = MatcherSettings()


def test_a_name_typed_with_at_is_no_word_of_the_question_but_an_address_is() -> None:
    assert tokenize("was sind die leitfäden, von denen @Jonas sprach").folded == (
        "was", "sind", "die", "leitfaden", "von", "denen", "sprach")
    assert "soest" in tokenize("schreib an info@soest.de").original  # an e-mail address keeps its words


def test_only_a_name_that_opens_the_message_and_is_not_the_bot_is_spoken_to() -> None:
    assert speaks_to("@Mia hast du den Link noch?") == "Mia"
    assert speaks_to("  @Mia, weißt du das?") == "Mia"
    assert speaks_to("@bot was kannst du?") is None
    assert speaks_to("@SmartBot moin") is None
    assert speaks_to("@all weiß einer was?") is None
    assert speaks_to("wie @Mia schon fragte: welche Kommunen?") is None


def test_a_message_to_another_member_falls_back_and_one_to_the_bot_is_answered(index: Index) -> None:
    for question in ("@Mia did you ever find out about that?", "@Jonas hast du das schon gelesen?"):
        p = run(question, index, S)
        assert p.decision == "fallback" and "speaks to" in p.reason, (question, p.decision, p.reason)
    for question, intent in (("@bot was kannst du eigentlich?", "help"),
                             ("@all weiß einer, welche Kommunen mitmachen?", "mitmacherkommunen"),
                             ("@Mia asked what a smart city even is, anyone know?", "smart-city")):
        p = run(question, index, S)
        assert p.intent == intent, (question, p.intent, p.reason)


def test_a_question_passed_on_for_the_writers_own_people_asks_it(index: Index) -> None:
    # who wants to know is no subject: the town asked about is, said twice
    p = run("my neighbour in Hagen wants to know if Hagen is in too", index, S)
    assert p.intent == "membership" and "town" in p.reason, (p.intent, p.reason)
