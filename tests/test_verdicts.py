"""A claim to be checked gets "Ja"/"Nein" before its answer; other questions do not."""

from __future__ import annotations

import pytest

from bot import verdicts
from bot.answers import Answerer


def test_stated_numbers_are_claims_not_references_forms_or_names() -> None:
    assert verdicts.stated_numbers("gab es 13 millionen euro".split()) == {13}
    assert verdicts.stated_numbers("sind es zwolf oder vierzehn".split()) == {12, 14}
    assert verdicts.stated_numbers("hat menden den ersten platz belegt".split()) == {1}  # a rank in words
    assert verdicts.stated_numbers("number one in the ranking".split()) == {1}
    assert verdicts.stated_numbers("the first guide".split()) == set()  # an ordinal that is no rank
    assert verdicts.stated_numbers("wurden die 13 millionen ausgegeben".split()) == set()  # referred to
    assert verdicts.stated_numbers("which are the other four".split()) == set()
    assert verdicts.stated_numbers("in zwei drei satzen bitte".split()) == set()  # the answer's form
    assert verdicts.stated_numbers("in a paragraph or two".split()) == set()
    assert verdicts.stated_numbers("was ist 5 fur sudwestfalen".split()) == set()  # a name


def test_verdict_compares_numbers_of_the_same_kind() -> None:
    assert verdicts.verdict({13}, {13, 5}) == "yes"
    assert verdicts.verdict({20}, {13, 5}) == "no"
    assert verdicts.verdict({2020}, {2021}) == "no"
    assert verdicts.verdict({2027}, {2021}) is None  # a later year: the page cannot know
    assert verdicts.verdict({2020}, {13}) is None  # no year in the answer to judge by
    assert verdicts.verdict({14, 15}, {14}) is None  # a choice offered ("14 oder 15?")
    assert verdicts.verdict({13}, {13}, may_confirm=False) is None  # asked about more than the number
    assert verdicts.verdict({20}, {13}, may_confirm=False) == "no"


def test_billions_are_no_millions() -> None:
    assert verdicts.stated_numbers("gab es 13 milliarden euro".split()) != {13}
    assert verdicts.stated_numbers("gab es 13 millionen euro".split()) == {13}


def test_a_town_claimed_is_judged_by_the_towns_the_answer_names() -> None:
    towns = ["Arnsberg", "Olpe", "Bad Berleburg"]
    assert verdicts.town_verdict(["Olpe"], "Die Konferenz war in Arnsberg.", towns) == "no"
    assert verdicts.town_verdict(["Arnsberg"], "Die Konferenz war in Arnsberg.", towns) is None
    assert verdicts.town_verdict(["Olpe"], "Es gab 13 Millionen Euro.", towns) is None  # it cannot say where
    assert verdicts.town_verdict([], "Die Konferenz war in Arnsberg.", towns) is None


def test_negation_is_not_the_choice_at_the_end() -> None:
    assert verdicts.negated("ist soest keine pionierkommune".split())
    assert not verdicts.negated("ist olpe dabei oder nicht".split())


@pytest.mark.parametrize(("question", "start"), [
    ("Gab es 13 Millionen Euro?", "**Ja.**"),
    ("Ich hab gehört, es gab 10 Millionen Förderung. Stimmt das?", "**Nein.**"),
    ("Sind es 20 Mitmacherkommunen?", "**Nein.**"),
    ("Did Menden win first place?", "**No.**"),
    ("Menden ist auf Platz 3 gelandet, stimmt das?", "**Ja.**"),
    ("War die Konferenz 2020?", "**Nein.**"),
    ("Gab es nicht 2021 eine Konferenz in Arnsberg?", "**Doch.**"),
    # the verdict is judged by the topic's whole answer, not the part about who paid
    ("13 Millionen Euro – stimmt das? Und wer hat die Urkunde überreicht?", "**Ja.**"),
    ("Did Angela Merkel hand over the funding certificate?", "**No.**"),  # the answer names who did
    ("Ist Soest keine Pionierkommune?", "Doch!"),
    ("Ist Olpe dabei oder nicht?", "Ja!"),
    # ("true" is "tru" once the vocabulary has read it; "correct" is "true")
    ("I heard they got 20 million euros. Is that true?", "**No.**"),
    ("Somebody said 14 towns joined as Mitmacherkommunen. Is that correct?", "**Yes.**"),
    # the year is right, the town is not (the answer names where it was); a town of the story is no claim
    ("Die Konferenz war 2021 in Olpe, oder?", "**Nein.**"),
    ("Was the conference in Siegen in 2021?", "**No.**"),
    ("Die Konferenz war 2021 in Arnsberg, oder?", "**Ja.**"),
    ("Ich wohne in Olpe. Gab es 13 Millionen?", "**Ja.**"),
    # ... also where a number that holds would give no "yes" (more is asked than the number)
    ("Hat Siegen 13 Millionen bekommen?", "**Nein.**"),
    # thirteen billion is not thirteen million ("Milliarden" is money, as the vocabulary reads it)
    ("Gab es 13 Milliarden Euro?", "**Nein.**"),
    # what one town's topic tells (Menden's rank), claimed of another town: not whether it takes part ("Ja!")
    ("Soest ist auf Platz 3 gelandet, stimmt das?", "**Nein.** **Menden"),
    ("Olpe hat Platz 3 gemacht, oder?", "**Nein.**"),
    # a question of its own whether what was said is right
    ("13 million euros. Correct figure?", "**Yes.**"),
    ("Förderung 15 Mio – richtige Zahl?", "**Nein.**"),
    ("14 Mitmacher, richtig?", "**Ja.**"),
])
def test_a_claim_is_answered_yes_or_no_first(answerer: Answerer, question: str, start: str) -> None:
    assert answerer.ask(question).text.startswith(start), answerer.ask(question).text


@pytest.mark.parametrize("question", [
    "Wie viel Geld gibt es?",
    "Was war bei der Konferenz 2021 in Arnsberg?",  # German "was" asks what
    "Welche 5 Städte sind Pionierkommunen?",  # the number is part of what is asked
    "Können Sie mir in zwei, drei Sätzen erklären, was die Initiative ist?",
    "Wurden die 13 Millionen schon ausgegeben?",  # what is asked is more than the number
    "Hat Olpe 13 Millionen bekommen?",  # (one of the towns the answer names: the answer tells how)
    "Did Horst Seehofer hand over the funding certificate?",  # (right: the answer says so itself)
    "Richtig? Wie viele Mitmacherkommunen gibt es?",  # (nothing said before it to be right)
])
def test_other_questions_get_no_verdict(answerer: Answerer, question: str) -> None:
    text = answerer.ask(question).text
    assert not text.startswith(("**Ja.**", "**Nein.**", "**Doch.**", "**Yes.**", "**No.**")), (question, text)


def test_a_question_that_compares_two_topics_gets_both_answers(answerer: Answerer) -> None:
    answer = answerer.ask("Was ist der Unterschied zwischen Pionierkommunen und Mitmacherkommunen?")
    assert answer.intent == "pionierkommunen"
    first, second = answer.text.index("**Was ist „5 für Südwestfalen“?**"), answer.text.index("14 Mitmacherkommunen")
    assert first < second  # (the one named first first, each under its title)
