"""The writer's own corrections replace the word they correct (``corrections``)."""

from __future__ import annotations

from bot.understanding.corrections import correct


def test_a_starred_word_replaces_the_earlier_word_most_like_it() -> None:
    assert correct("Is Siege part of it? *Siegen. My phone hates town names") == (
        "Is Siegen part of it? . My phone hates town names", [("Siege", "Siegen")])
    text, fixed = correct("Wat brauchen wir mit den schmalen Städten? *smarten")
    assert fixed == [("schmalen", "smarten")] and "smarten Städten" in text
    # chat's bold is no correction; a starred word like no earlier word stays, without its star
    assert correct("das ist *fett* gedruckt") == ("das ist *fett* gedruckt", [])
    assert correct("Wo ist das Amt? *bitte") == ("Wo ist das Amt? bitte", [])


def test_a_word_said_again_with_mein_ich_or_i_mean_corrects_one_like_it() -> None:
    assert correct("Wat is ne Smart Kitty? City mein ich")[1] == [("Kitty", "City")]
    assert correct("Gab es 13 Milliarden? Millionen mein ich.")[1] == [("Milliarden", "Millionen")]
    assert correct("Can you explain the Ramen-Strategy? I mean Rahmenstrategie")[1] == [
        ("Ramen-Strategy", "Rahmenstrategie")]
    # ... not where it only says more, nor a form of a word said before ("lern apps … lernen mein ich")
    assert correct("Hast du die Nummer vom Bürgermeister? Privat, mein ich.")[1] == []
    assert correct("welche lern apps sind gut? so digital lernen mein ich")[1] == []
    assert correct("Ist Olpe dabei?") == ("Ist Olpe dabei?", [])


def test_a_word_after_a_hesitation_corrects_one_like_it() -> None:
    assert correct("Gibt es Leitplanken für die Städte? Äh, Leitfäden! Für wen?")[1] == [("Leitplanken", "Leitfäden")]
    assert correct("Ich wollte fragen, ähm, ob Olpe dabei ist")[1] == []
