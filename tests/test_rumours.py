"""A rumour, then "what is it really?": the rumour's subject is asked (``rumours``)."""

from __future__ import annotations

from bot.understanding.index import Index
from bot.understanding.pipeline import run
from bot.understanding.rumours import asks_what_it_is, points_back, said_alone, subjects
from bot.understanding.settings import MatcherSettings
from bot.understanding.towns import town_token

S = MatcherSettings()


def test_a_question_of_pronoun_verb_and_particles_asks_what_it_is() -> None:
    assert asks_what_it_is(["what", "ist", "it", "actually"])
    assert asks_what_it_is(["oder", "worum", "geht", "es", "denn"])
    assert asks_what_it_is(["was", "bedeutet", "das", "uberhaupt"])
    # a word of its own asks something else ("Was heißt das für uns Anwohner?"), an opinion is no "what"
    assert not asks_what_it_is(["was", "heisst", "das", "fur", "uns", "anwohner"])
    assert not asks_what_it_is(["was", "denkst", "du", "daruber"])
    assert not asks_what_it_is(["ist", "das", "so"])  # yes or no: it checks the claim
    assert not asks_what_it_is([])


def test_the_subject_is_what_stands_before_the_claims_verb() -> None:
    assert subjects(["mein", "nachbar", "meint", "rahmenstrategie", "ist", "ein", "gesetz"]) == [
        "nachbar meint rahmenstrategie", "meint rahmenstrategie", "rahmenstrategie"]
    assert subjects(["leitfaden", "sind", "nur", "fur", "grosse"]) == ["leitfaden"]
    # no verb, the verb first, or a town as the subject ("Olpe ist …" asks about taking part): none
    assert subjects(["smart", "city", "uberall", "kameras"]) == []
    assert subjects(["ist", "das", "so"]) == []
    assert subjects([town_token("olpe"), "ist", "doch", "dabei"]) == []


def test_the_rumours_subject_is_answered_when_the_message_falls_back(index: Index) -> None:
    for question, intent in (
        ("Jemand im Verein erzählt, die Rahmenstrategie sei ein Gesetz mit Bußgeldern für Bürger. "
         "Was ist das denn wirklich?", "rahmenstrategie"),
        ("My landlord insists the Rahmenstrategie is some kind of tax law for landlords and tenants. "
         "What is it actually?", "rahmenstrategie"),
    ):
        p = run(question, index, S)
        assert p.intent == intent and "really is" in p.reason, (question, p.intent, p.reason)


def test_other_questions_after_a_claim_are_left_alone(index: Index) -> None:
    # an opinion asked after the claim still falls back; so does a claim about an unknown subject
    for question in ("Mein Nachbar sagt, Smart City ist nur Überwachung. Was denkst du darüber?",
                     "Der Kollege meint, das Hallenbad ist bald wieder offen. Was ist da wirklich dran?"):
        p = run(question, index, S)
        assert "really is" not in p.reason, (question, p.reason)


def test_a_question_of_function_words_points_back_at_a_thing_said_before() -> None:
    assert points_back(["welche", "sind", "es"])
    assert points_back(["wofur", "ist", "die", "gedacht"])
    assert points_back(["when", "was", "that"])
    # a subject of its own, or no question word first: it does not point back
    assert not points_back(["wofur", "ist", "die", "rahmenstrategie", "gedacht"])
    assert not points_back(["ist", "das", "so"])
    assert not points_back([])


def test_a_name_said_alone_is_a_subject_but_not_a_clause_with_more_in_it(index: Index) -> None:
    assert said_alone(["die", "rahmenstrategie"], index) == ["rahmenstrategie"]
    assert said_alone(["smart", "city"], index) == ["smart city"]
    assert said_alone(["ist", "auch", "nicht", "smart"], index) == []  # an opinion, not a name
    assert said_alone(["like", "a", "konferenz"], index) == []  # a word the bot does not know
    assert said_alone([town_token("olpe")], index) == []


def test_a_question_pointing_back_at_a_name_after_a_guess_asks_of_that_name(index: Index) -> None:
    for question, intent in (
        ("Smart City – heißt das, dass an jeder Laterne Mikrofone lauschen? Oder was versteht man darunter?",
         "smart-city"),
        ("Die Leitfäden – bestimmt wieder so ein Papiertiger für die Schublade? Wofür sind die gedacht?", "leitfaeden"),
        ("Die Mitmacherkommunen. Wahrscheinlich nur die großen Kreisstädte mit Bahnhof? Welche sind es?",
         "mitmacherkommunen"),
        ("Is it true the initiative is basically a marketing stunt by some consultancy firm? What does it actually do?",
         "initiative"),
    ):
        p = run(question, index, S)
        assert p.intent == intent and ("said before it" in p.reason or "really is" in p.reason), (
            question, p.intent, p.reason)
