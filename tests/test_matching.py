"""Matching: normalisation, towns, membership, language, fallbacks."""

from __future__ import annotations

import pytest

from bot.answers import Answerer
from bot.understanding.matcher import Match
from bot.understanding.normalize import clear_caches, normalize, tokenize, tokenize_example, tokenize_examples


def test_normalisation_folds_umlauts_markup_and_mentions() -> None:
    assert normalize("Ist **LÜDENSCHEID** dabei?? <@1234> @everyone") == "ist ludenscheid dabei"
    assert normalize("Luedenscheid") == normalize("Lüdenscheid") == normalize("ludenscheid")
    assert normalize("Straße") == "strasse"
    assert normalize("a\u200bb 😀 `code` __x__") == "a b code x"


def test_bulk_example_folding_agrees_with_one_by_one(knowledge) -> None:  # type: ignore[no-untyped-def]
    texts = [t for i in knowledge.intents for items in i.examples.values() for t in items]
    texts += ["Größe Übersicht Straße Café", "Aeltere Oefen", "emoji 🎉 und – Striche", "", "WAS IST DAS?"]
    clear_caches()
    bulk = tokenize_examples(texts)
    clear_caches()
    assert bulk == [tokenize_example(t) for t in texts]
    assert tokenize_example("Größe Übersicht Straße Café").folded == ("grosse", "ubersicht", "strasse", "cafe")
    for text in texts:  # questions and examples must fold alike
        assert tokenize_example(text).folded == tokenize(text).folded


def test_long_messages_are_capped() -> None:
    assert len(tokenize("😀 *wort* \u200b" * 2000).text) <= 410


@pytest.mark.parametrize(
    ("question", "town"),
    [("Ist Ludenscheid dabei?", "Lüdenscheid"), ("drolshagn", "Drolshagen"), ("LIPPSTATT", "Lippstadt"),
     ("ist bad berleburg dabei", "Bad Berleburg"), ("Macht Soest mit?", "Soest"),
     ("ist lenne stat dabei", "Lennestadt"), ("macht wer dohl mit", "Werdohl")],  # (apart, as speech input writes)
)
def test_towns_are_recognised_fuzzily(answerer: Answerer, question: str, town: str) -> None:
    answer = answerer.ask(question)
    assert answer.intent == "membership"
    assert f"**{town}**" in answer.text


def test_common_words_are_not_towns(answerer: Answerer) -> None:
    towns = answerer.matcher.towns
    assert towns.find(tokenize("wer ist dabei, wo kann ich mich melden")) == []
    assert towns.find(tokenize("Erbitte Informationen zum Format")) == []  # not Erwitte


def test_mitmacher_membership(answerer: Answerer) -> None:
    text = answerer.ask("Ist Attendorn dabei?").text
    assert text.startswith("Ja!") and "14" in text and "Mitmacherkommunen" in text


def test_a_locality_stands_for_its_municipality(answerer: Answerer) -> None:
    # people name their Ortsteil ("knowledge/region.yaml", localities): the answer says whose part it is
    answer = answerer.ask("Ist Neheim auch in diesem Projekt?")
    assert answer.intent == "membership"
    assert answer.text.startswith("Neheim gehört zu Arnsberg.\nJa! **Arnsberg**")
    answer = answerer.ask("is bad fredeburg in it?")
    assert answer.text.startswith("Bad Fredeburg is part of Schmallenberg.\n**Schmallenberg** (Hochsauerlandkreis)")
    # where the municipality is named too, it needs no introduction
    assert answerer.ask("Ich wohne in Arnsberg-Neheim. Ist Arnsberg dabei?").text.startswith("Ja! **Arnsberg**")
    # a trap about a locality stays one
    assert answerer.ask("Wann kommt bei uns in Neheim die gelbe Tonne?").intent is None


def test_a_town_asked_with_what_its_group_is_gets_the_group_too(answerer: Answerer) -> None:
    text = answerer.ask("Wat sind denn die Pionierkommunen? Is Arnsberg da bei? Meine Schwester wohnt da.").text
    assert text.startswith("Ja! **Arnsberg**")
    assert "5 Pionierkommunen (Arnsberg, Bad Berleburg, Menden, Olpe, Soest)" in text
    # (a yes or no alone gets the yes or no)
    assert "(Arnsberg, Bad Berleburg" not in answerer.ask("Ist Arnsberg eine Pionierkommune?").text


def test_pioneer_asked_as_mitmacher(answerer: Answerer) -> None:
    text = answerer.ask("Ist Menden eine Mitmacherkommune?").text
    assert "Menden" in text and "5 Pionierkommunen" in text


@pytest.mark.parametrize(("question", "place"), [("Macht Neustadt mit?", "Neustadt"),
                                                 ("Ist Bad Neustadt dabei?", "Bad Neustadt"),
                                                 ("Does Springfield take part?", "Springfield")])
def test_unknown_places_are_not_members(answerer: Answerer, question: str, place: str) -> None:
    answer = answerer.ask(question)
    assert answer.intent == "membership"
    assert f"**{place}**" in answer.text
    assert answer.text.startswith(("Nein", "No"))


@pytest.mark.parametrize(("question", "text"), [
    ("Macht Hamm mit?", "**Hamm** liegt nicht in Südwestfalen"),
    ("Does Dortmund take part?", "**Dortmund** is not in Südwestfalen"),
    ("Ist Eslohe dabei?", "**Eslohe (Sauerland)** (Hochsauerlandkreis) ist bisher keine der 5 Pionierkommunen oder "
                          "14 Mitmacherkommunen"),
    ("Is Bad Sassendorf in the programme?", "**Bad Sassendorf** (Kreis Soest) is not one of the"),
    ("Olsberg", "**Olsberg** (Hochsauerlandkreis)"),
])
def test_places_of_the_region_and_outside_are_named_officially(answerer: Answerer, question: str, text: str) -> None:
    answer = answerer.ask(question)
    assert answer.intent == "membership"
    assert text in answer.text
    if "Mitmacherkommunen" in text or "one of the" in text:
        assert "Rahmenstrategie" in answer.text or "framework strategy" in answer.text


def test_town_name_alone_gets_its_role(answerer: Answerer) -> None:
    answer = answerer.ask("Werdohl")
    assert answer.intent == "membership" and "Mitmacherkommunen" in answer.text


def test_a_question_with_a_spoken_verb_prefix_is_understood(answerer: Answerer) -> None:
    # "rausgekommen" (herausgekommen) is everyday talk, not a subject the knowledge lacks
    assert answerer.ask("wat für leitfäden sind denn da am ende rausgekommen?").intent == "leitfaeden"


@pytest.mark.parametrize(
    "question",
    ["Wie ist das Wetter in Arnsberg?", "Wann fährt der nächste Zug nach Menden?",
     "Wer ist der Bürgermeister von Werl?",
     "What's the weather like in Siegen?", "asdfghjkl", ""],
)
def test_out_of_scope_falls_back(answerer: Answerer, question: str) -> None:
    answer = answerer.ask(question)
    assert answer.intent is None
    assert "weiß ich leider nicht" in answer.text or "don't know" in answer.text


def test_two_topics_too_close_to_call_are_offered_not_denied(answerer: Answerer) -> None:
    # the matcher could not choose between two topics it knows: the bot asks which one is meant
    tie = Match(None, 0.6, [("funding", 0.6), ("pionierkommunen", 0.6)], decision="clarify")
    answer = answerer._fallback("Was ist mit dem Geld der Modellstädte?", tie, "de")
    assert answer.text.startswith("Da bin ich mir nicht sicher") and "weiß ich leider nicht" not in answer.text
    assert [s.intent for s in answer.suggestions] == ["funding", "pionierkommunen"]
    assert all(s.label in answer.text for s in answer.suggestions)
    assert answerer.ask("Wie ist das Wetter in Arnsberg?").text.startswith("Das weiß ich leider nicht")


def test_fallback_offers_at_most_three_suggestions(answerer: Answerer) -> None:
    answer = answerer.ask("Wie ist das Wetter in Arnsberg?")
    assert 1 <= len(answer.suggestions) <= 3
    assert "Meintest du" in answer.text
    for s in answer.suggestions:
        assert s.label in answer.text
    # topics only: a greeting or thanks is no answer to what was asked
    answer = answerer.ask("An welchem Tag genau wurde die Förderurkunde in Berlin übergeben?")
    assert [s.intent for s in answer.suggestions] == ["funding"]


@pytest.mark.parametrize(
    ("question", "lang"),
    [("welche Städte sind Mitmacherkommunen?", "de"), ("which towns take part?", "en"),
     ("what's next on the timeline?", "en"), ("Was steht als nächstes an?", "de"), ("Förderung", "de"),
     ("Is Lüdenscheid part of it?", "en"), ("Does Menden take part?", "en"),
     ("Ist eine Smart City eine Stadt mit WLAN?", "de"),
     # dialect German is German ("Wat is dat" shares "is" with English)
     ("Wat is dat eigentlich, die Rahmenstrategie?", "de"), ("Wor do net e Konferenz in Olpe?", "de"),
     # English that names the initiative or a German title is English; so is "why was …"
     ("Which ministry funds Smart Cities Südwestfalen?", "en"), ("Why was Menden recognised?", "en"),
     ("What was 'Südwestfalen geht App!' about?", "en"),
     # words that are no markers still lean one way: "define", "explain", "weather", "tomorrow";
     # "bin", "im" German; a town's name says nothing ("Menden" is no German word here)
     ("define smart city pls", "en"), ("explain smart city like im five", "en"),
     ("weather in Siegen tomorrow?", "en"), ("Menden got some digital award?", "en"),
     ("Hemer bin ich neugierig, Förderung?", "de")],
)
def test_answers_in_the_language_of_the_question(answerer: Answerer, question: str, lang: str) -> None:
    assert answerer.ask(question).lang == lang


def test_default_language_decides_ties(answerer: Answerer) -> None:
    assert answerer.ask("Mitmacherkommunen", default_lang="en").lang == "en"
    assert answerer.ask("Mitmacherkommunen", default_lang="de").lang == "de"


def test_confidence_is_in_unit_interval(answerer: Answerer) -> None:
    for q in ["hallo", "xyz", "Ist Werl dabei?", "what is a smart city"]:
        assert 0.0 <= answerer.ask(q).confidence <= 1.0


def test_answers_are_rendered_from_facts(answerer: Answerer) -> None:
    text = answerer.ask("Wie wird das Projekt gefördert?").text
    assert "13 Millionen Euro" in text and "Horst Seehofer" in text and "Berlin" in text
    assert "13 Millionen Euro" in answerer.ask("Wie hoch ist die Förderung?").text  # the how-much facet
    lst = answerer.ask("welche Städte sind Mitmacherkommunen?").text
    assert lst.count("• ") == 14 and "14 Mitmacherkommunen" in lst


def test_margin_rule_falls_back_on_near_ties(knowledge) -> None:  # type: ignore[no-untyped-def]
    from bot.understanding.matcher import Matcher, MatcherSettings

    wide = Matcher(knowledge, MatcherSettings(margin=1.0))  # every second-best is "too close"
    # (a question that no decision stage settles: "Was ist eine Smart City?" asks what a title defines)
    assert wide.match("Wie wird das Projekt gefördert?").intent is None
    assert Matcher(knowledge).match("Wie wird das Projekt gefördert?").intent == "funding"


def test_every_topic_title_asked_as_a_question_is_answered(answerer: Answerer) -> None:
    # The titles are what "did you mean" and "help" show; typing one back must work.
    wrong = [
        (intent.id, title, answerer.ask(title).intent)
        for intent in answerer.knowledge.intents if intent.listed
        for title in intent.title.values()
        if answerer.ask(title).intent != intent.id
    ]
    assert not wrong


@pytest.mark.parametrize(("question", "start"), [
    ("Ist Menden eine Mitmacherkommune?", "Nein – **Menden** gehört nicht zu den 14 Mitmacherkommunen, ist aber eine "
                                          "der 5 Pionierkommunen"),
    ("Ist Hemer eine Pionierkommune?", "Nein – **Hemer** gehört nicht zu den 5 Pionierkommunen"),
    ("Is Hemer a pioneer town?", "No – **Hemer** is not one of the 5 pioneer municipalities"),
    ("Ist Hemer eine Mitmacherkommune?", "Ja! **Hemer**"),
    ("Sind Attendorn und Halver dabei?", "Ja! **Attendorn**"),
])
def test_yes_or_no_follows_the_group_asked_about(answerer: Answerer, question: str, start: str) -> None:
    answer = answerer.ask(question)
    assert answer.intent == "membership"
    assert answer.text.startswith(start), answer.text
    if "Halver" in question:
        assert "**Halver** (Märkischer Kreis) ist bisher keine" in answer.text  # every town answered


@pytest.mark.parametrize(("question", "must", "must_not"), [
    ("Wer hat die Förderung übergeben?", "Horst Seehofer, damals Bundesinnenminister", "Dank der erfolgreichen"),
    ("When was the funding handed over?", "gives no date", None),
    ("Wie viel Geld gibt es?", "**13 Millionen Euro**", "Förderurkunde"),
    ("Wie viele Kommunen wurden mit Menden verglichen?", "Über 400 Kommunen", None),
    ("Wo war die Konferenz?", "in **Arnsberg**", None),
    ("Wie viele Mitmacherkommunen gibt es?", "sind das 19 Kommunen", None),
    ("Wer hat die Rahmenstrategie vorgeschlagen?", "Die **5 Pionierkommunen**", None),
    ("Was ist die Rahmenstrategie?", "eine Art Leitlinie", None),  # no facet asked: the full answer
    # the exact day the page does not give: the honest fallback says so, and offers the topic (a "when" facet
    # answers when, with the year: "Wann war die Konferenz?")
    ("An welchem Tag genau war die Konferenz?", "Einen genauen Tag dafür nennt die Seite der Initiative nicht",
     "**2021**"),
    ("Wann war die Konferenz?", "war **2021**; ein genaueres Datum nennt die Seite nicht", None),
    # (also in words the vocabulary writes as an event: "date" -> "termin")
    ("On which exact date did Seehofer hand over the certificate?", "gives no exact day for that", None),
    # what the page says, and what it does not, of the guides and the conference
    ("Für wen sind die Leitfäden gedacht?", "für **alle südwestfälischen Städte und Gemeinden** da", "erscheinen"),
    ("Where can I find the guides?", "does not say where to find the guides", None),
    ("Wann sind die ersten Leitfäden erschienen?", "Ein Datum nennt die Seite nicht", None),
    ("die konferenz in arnsberg, wer war da so", "Wer dabei war, nennt die Seite der Initiative nicht", None),
    ("Seit wann gibt es die Initiative?", "Seit wann es die Initiative gibt, nennt ihre Seite nicht", None),
    ("Since when does the initiative exist?", "does not say since when it exists", None),
    ("Wann wurde die Rahmenstrategie beschlossen?", "als erster Schritt nach der Förderzusage", None),
    ("Wo war die Förderübergabe?", "in Berlin überreicht", None),
    ("Wer hat Menden die Auszeichnung verliehen?", "Wer Menden ausgezeichnet hat", None),
    # each kind asked gets its facet; a kind without one gets the whole answer
    ("Wann und wo war die Konferenz?", "war **2021**; ein genaueres Datum nennt die Seite nicht.\n\nDie „Smart Cities: "
     "Konferenz 2021“ fand in **Arnsberg** statt.", None),
    ("Who funds it and how much?", "handed the funding certificate", "for the joint smart city approach"),
    ("Who funds it and how much?", "**13 million euros** flow", None),
    ("Wie viel Geld gab es und wofür?", "für den gemeinsamen Smart-City-Ansatz", None),
    # how much money gets the how-many facet of a topic that has no how-much one
    ("Wie viel Geld gibt es?", "**13 Millionen Euro** fließen", "Förderurkunde"),
    ("On which exact date and where did Seehofer hand over the certificate?", "gives no exact day", None),
])
def test_facets_answer_the_question_type(answerer: Answerer, question: str, must: str, must_not: str | None) -> None:
    text = answerer.ask(question).text
    assert must in text, text
    if must_not:
        assert must_not not in text


def test_answers_stay_true_to_the_page(answerer: Answerer) -> None:
    assert "erscheinen" in answerer.ask("Was sind die Leitfäden?").text
    assert "zuletzt" not in answerer.ask("Gibt es einen Blog?").text
    schule = answerer.ask("Was ist Smart Cities: Schule?").text
    assert "Schulung" not in schule and "…" in schule
    assert "in ihren fünf Städten" in answerer.ask("Was ist 5 für Südwestfalen?").text
    assert "Ansprechpartner" in answerer.ask("Wie wird eine Stadt Mitmacherkommune?").text


@pytest.mark.parametrize(("question", "start"), [
    ("Was kam nach der Konferenz?", "Nach „2021 – Smart Cities: Konferenz 2021 in Arnsberg“ kam: **2022 – Menden"),
    ("Was passierte vor der Rahmenstrategie?", "Vor „Erarbeitung einer Rahmenstrategie“ kam: **Projektkonsortium"),
    ("What came first?", "The timeline begins with: **Project consortium"),
    ("Was war zuerst?", "Am Anfang der Timeline steht: **Projektkonsortium"),
    ("Was kam nach Mendens Auszeichnung?", "„2022 – Menden auf der digitalen Überholspur“ ist bisher der letzte"),
])
def test_what_came_first_before_or_after_on_the_timeline(answerer: Answerer, question: str, start: str) -> None:
    answer = answerer.ask(question)
    assert answer.intent == "timeline" and answer.text.startswith(start), answer.text


def test_the_order_of_two_named_steps_is_answered_with_both_in_order(answerer: Answerer) -> None:
    # which of two steps came first: both, in the timeline's order (not the first step of all, nor one topic)
    answer = answerer.ask("Kam die Konferenz eigentlich vor oder nach den Leitfäden?")
    assert answer.intent == "timeline", answer.text
    assert answer.text.splitlines()[1:] == ["1. **Erste Leitfäden erscheinen**",
                                            "2. **2021 – Smart Cities: Konferenz 2021 in Arnsberg**"]
    answer = answerer.ask("what came earlier, the award for menden or the arnsberg conference?")
    assert answer.text.splitlines()[1:] == ["1. **2021 – Smart Cities: conference 2021 in Arnsberg**",
                                            "2. **2022 – Menden in the digital fast lane**"], answer.text
    # the order of several, "and so on": the whole timeline
    answer = answerer.ask("In welcher Reihenfolge kamen Konferenz, Leitfäden und so weiter?")
    assert answer.intent == "timeline" and answer.text.startswith("**Timeline"), answer.text
    # steps named without asking their order are no order question
    assert answerer.ask("What are the next steps after the framework strategy and the guides?").intent \
        == "timeline-next"


def test_the_next_planned_steps_after_an_event_are_what_comes_next(answerer: Answerer) -> None:
    assert answerer.ask("What are the next planned steps after the framework strategy?").intent == "timeline-next"
    # (what came next after an event is the step after it)
    assert answerer.ask("Was kam nach der Konferenz als nächstes?").text.startswith("Nach „2021")


def test_following_as_a_verb_asks_no_order(answerer: Answerer) -> None:
    answer = answerer.ask("Is there an overall plan the towns are all following? Like a strategy document? "
                          "And who came up with it?")
    assert answer.intent == "rahmenstrategie", answer.text
    assert answerer.ask("What came following the conference?").text.startswith("After “2021")


def test_vor_a_span_of_time_is_how_long_ago_not_a_step_before(answerer: Answerer) -> None:
    assert answerer.ask("Vor paar Jahren war doch die Konferenz in Arnsberg. Wat war da los?").intent == "konferenz"
    assert answerer.ask("Was kam vor der Konferenz?").intent == "timeline"


def test_order_words_elsewhere_are_no_timeline_question(answerer: Answerer) -> None:
    assert answerer.ask("Wie viel Geld fließt nach Südwestfalen?").intent == "funding"
    assert answerer.ask("Was hat es mit den ersten Leitfäden auf sich?").intent == "leitfaeden"


def test_yes_or_no_about_one_town_and_a_group_is_membership(answerer: Answerer) -> None:
    # The group's own topic would list all its towns; the question asks about one.
    match = answerer.matcher.match("Ist die Gemeinde Finnentrop offiziell angeschlossen?")
    assert match.intent == "membership" and match.towns == ["Finnentrop"]
    assert answerer.matcher.match("Welche Kommunen haben sich offiziell angeschlossen?").intent == "mitmacherkommunen"


def test_the_town_named_before_is_the_town_asked_about(answerer: Answerer) -> None:
    for question in ("Ich wohne in Wilnsdorf. Macht unsere Gemeinde mit?",
                     "Unser Verein sitzt in Wilnsdorf. Ist die Gemeinde ein Teil der Initiative?",
                     "My parents live in Wilnsdorf. Is the town part of it?"):
        match = answerer.matcher.match(question)
        assert (match.intent, match.towns) == ("membership", ["Wilnsdorf"]), question
        assert "Wilnsdorf" in answerer.ask(question).text
    match = answerer.matcher.match("My grandson studies in Wilnsdorf. Is it involved?")
    assert (match.intent, match.towns) == ("membership", ["Wilnsdorf"])
    # ... and "these (two) towns" are all the towns named before
    match = answerer.matcher.match("Our sports club plays in Hemer and Kreuztal. Are those two towns in the "
                                   "smart cities network?")
    assert match.intent == "membership" and {"zzort_hemer", "zzort_kreuztal"} <= set(match.parse.words)
    assert "Hemer" in answerer.ask(match.parse.question).text and "Kreuztal" in answerer.ask(match.parse.question).text
    # ... and German "sie"/"es" right after the verb ("Gehört sie dazu?"), not "sie" elsewhere
    match = answerer.matcher.match("Mein Heimatort ist Wilnsdorf. Gehört sie auch zu den beteiligten Kommunen?")
    assert (match.intent, match.towns) == ("membership", ["Wilnsdorf"])
    assert "zzort_wilnsdorf" not in answerer.matcher.match(
        "Ich wohne in Wilnsdorf. Welche Kommunen machen mit, und wo finde ich sie?").parse.words
    # "it" is a town only where the question asks whether something takes part
    match = answerer.matcher.match("I study in Wilnsdorf. Who is behind it and what is it trying to achieve?")
    assert match.intent != "membership" and "zzort_wilnsdorf" not in match.parse.words
    # ... and a question whether something takes part that names nothing else is about the towns before it
    for question, towns in (("Arnsberg – member or not?", ["Arnsberg"]),
                            ("plettenberg + werdohl – both participating?", ["Plettenberg", "Werdohl"]),
                            ("Is the lovely town of Altena, the one with the castle, also part of the initiative?",
                             ["Altena"])):
        match = answerer.matcher.match(question)
        assert (match.intent, match.towns) == ("membership", towns), question
    # (not one that names a subject of its own)
    assert answerer.matcher.match("Ich wohne in Wilnsdorf. Welche Kommunen machen mit?").intent == "mitmacherkommunen"


def test_a_place_noun_does_not_ask_whether_a_town_takes_part(answerer: Answerer) -> None:
    assert "stadt" not in answerer.matcher.index.slot_keys
    assert answerer.matcher.match("sucht die stadt olpe grad leute?").intent is None
    assert answerer.matcher.match("Ist die Stadt Olpe dabei?").intent == "membership"


def test_a_place_outside_the_region_is_about_membership_only_when_asked(answerer: Answerer) -> None:
    assert answerer.matcher.match("Macht Hamburg mit?").intent == "membership"
    assert answerer.matcher.match("Was macht eigentlich Hamburg als Smart City?").intent is None


def test_how_are_you_is_a_greeting_not_a_topic(answerer: Answerer) -> None:
    # "geht" is in a story's title ("Südwestfalen geht App!"): without the vocabulary entry the
    # everyday verb alone picked that topic
    assert answerer.matcher.match("wie geht es dir?").intent == "greeting"
    assert answerer.matcher.match("was ist das?").intent is None  # nothing to go by: no guess


def test_a_part_that_points_back_is_no_question_of_its_own(answerer: Answerer) -> None:
    # "… and how much does it cost?" asks about the parking, not about money in general
    answer = answerer.ask("Where can I park in Siegen city centre on a Saturday, and how much does it cost?")
    assert answer.intent is None
    both = answerer.ask("Ist Attendorn dabei? Und wann war die Konferenz?")  # two questions stay two
    assert "Attendorn" in both.text and "Konferenz" in both.text
    # the pointing word itself ("davon") is no subject of the part, even where an example uses it
    match = answerer.matcher.match("Warum muss jetzt jede kleine Stadt digital werden? Was hat unsere Region davon?")
    assert answerer.matcher.questions_of(match) == []
    # a first part that points back belongs with the talk before it, when there is some
    letter = ("Ich lese, dass Olpe zu einem Modellprojekt mit fünf Städten gehört. "
              "Was ist das für ein Projekt, und welche Städte gehören noch dazu?")
    assert answerer.matcher.questions_of(answerer.matcher.match(letter)) == []
    assert answerer.ask(letter).intent == "pionierkommunen"
    # a short question that ends with a colon introduces the one after it: one question
    lead_in = answerer.matcher.match("Was meinst du ganz persönlich: War Seehofer ein guter Innenminister?")
    assert answerer.matcher.questions_of(lead_in) == [] and lead_in.intent is None
    # ... and so does the rest of a yes/no question ("und wenn ja, in welcher Form?")
    if_so = answerer.matcher.match("Ist Hemer dabei, und wenn ja, in welcher Form?")
    assert answerer.matcher.questions_of(if_so) == [] and answerer.ask("Ist Hemer dabei, und wenn ja, in welcher "
                                                                       "Form?").intent == "membership"
    # ... and so does a choice offered about "it" after a question about one town
    role = answerer.matcher.match("Welche Rolle spielt Menden? Ist es eine Modellkommune oder nur ein Mitmacher?")
    assert answerer.matcher.questions_of(role) == [] and answerer.ask(role.parse.question).intent == "membership"
    assert answerer.matcher.questions_of(answerer.matcher.match(  # (not without a town: "it" is the topic)
        "How is the project funded? Is it paid by the towns, or is there federal support?"))
    # ... and so does a claim asked before the question: what the writer assumes
    claim = answerer.matcher.match("So there are Leitfäden and a Rahmenstrategie? What is in the Leitfäden exactly?")
    assert answerer.matcher.questions_of(claim) == []
    assert answerer.ask(claim.parse.question).intent == "leitfaeden"
    # (not a yes/no question after a word that opens it, nor a town alone)
    assert answerer.matcher.questions_of(answerer.matcher.match("So did Olpe join? What about Hemer?"))
    # ... and so does the question said once more in other words ("…, mein ich", "… I mean")
    again = answerer.matcher.match("Wer macht denn da alles mit? Welche Orte, mein ich.")
    assert answerer.matcher.questions_of(again) == []
    assert answerer.ask("who takes part in this? which places i mean").intent == "mitmacherkommunen"
    # ... and so does a request to tell what the question after it asks
    request = answerer.matcher.match("Könnten Sie mir bitte genauer erklären, was die Rahmenstrategie ist?")
    assert answerer.matcher.questions_of(request) == [] and request.intent == "rahmenstrategie"
    # ... and so does a short part of a word or two among function words ("to the euro?", "Gibt es
    # eine Liste?"), not one that adds a question of its own with "and" ("Und die Leitfäden?")
    for question in ("How much money did the region get, to the euro?",
                     "Welche Kommunen machen mit? Gibt es eine Liste?"):
        assert answerer.matcher.questions_of(answerer.matcher.match(question)) == [], question
    assert len(answerer.matcher.questions_of(answerer.matcher.match("Was ist die Rahmenstrategie? Und die "
                                                                     "Leitfäden?"))) == 2
    assert answerer.ask("Wie melde ich mein Auto in Olpe an? Geht das online?").intent is None
    # a part that compares with the unknown subject before it, or asks each one's share of it, asks about it too
    assert answerer.ask("Wie viele Krankenhäuser hat Olpe? Mehr als Attendorn?").intent is None
    assert answerer.ask("Which districts get money from the DigitalPakt? And how much does each get?").intent is None
    # ... and a part that only names towns goes on with the question before it, unanswered or not
    assert answerer.ask("Wer hat gestern gewonnen, Olpe gegen Attendorn? Attendorn oder Olpe?").intent is None
    assert answerer.ask("Ist Olpe dabei? Oder Attendorn?").intent == "membership"
    # ... and a part that names what the knowledge does not cover, in a message not understood, is not answered
    assert answerer.ask("How do I register my address at the Bürgeramt in Olpe? Can I book the Termin online?"
                        ).intent is None
    # a keyword after a question says what it is about ("Wissenstransfer?"), not a guess of a number
    match = answerer.matcher.match("Leitfäden im Modellprojekt – Zweck? Wissenstransfer?")
    assert answerer.matcher.questions_of(match) == [] and answerer.ask(match.parse.question).intent == "leitfaeden"
    assert answerer.ask("Wie viele Mitmacher-Städte sinnet getz? Zehn? Zwanzig?").intent == "mitmacherkommunen"
    # (also with a word after its verb: "Erklären Sie mir bitte, was …")
    request = answerer.matcher.match("Erklären Sie mir bitte, was diese Smart Citys Südwestfalen eigendlich tut.")
    assert answerer.matcher.questions_of(request) == [] and answerer.ask(request.parse.question).intent == "initiative"
    # (also where the vocabulary drops its verb as chatter: "erzählen")
    request = answerer.matcher.match("Könnten Sie mir bitte einmal erzählen, was seit Beginn so alles geschehen ist?")
    assert answerer.matcher.questions_of(request) == [] and answerer.ask(request.parse.question).intent == "timeline"
    # a part that only asks for the reason goes on from the one before
    assert answerer.ask("Warum macht Südwestfalen da eigentlich mit, gibt es einen Grund?").intent == "why"
    # (also with a word that points at it: "the reason behind", "der Grund dahinter")
    for reason in ("Why should the towns around here get smart? What's the reason behind?",
                   "Warum sollen unsere Orte smart werden? Was ist der Grund dahinter?"):
        assert answerer.matcher.questions_of(answerer.matcher.match(reason)) == []
    # ... and so does one that asks only for what the knowledge does not cover, the bot's opinion
    assert answerer.ask("What's your honest opinion – is the framework strategy just paper?").intent is None
    both = answerer.ask("Wie alt ist Horst Seehofer, und wann war die Konferenz?")  # a question of its own
    assert both.intent == "konferenz"


def test_a_part_that_points_back_at_an_unknown_subject_is_not_answered_alone(answerer: Answerer) -> None:
    # "they" and "which one" are the programme and the clubs the bot knows nothing about
    assert answerer.ask("Does the Breitband programme pay for fibre cables in Eslohe? How much did they get?").intent \
        is None
    assert answerer.ask("Which sports clubs does the Kreissportbund fund? Which one got the most funding?").intent \
        is None
    # so does a bare question of one word after it
    assert answerer.ask("Gibt es Deutschkurs mit Förderung für Frauen in Werl? Wer bezahlt?").intent is None
    # ... and one about the person named before ("he" is Seehofer, whom the opinion was asked about)
    assert answerer.ask("What's your personal opinion of Horst Seehofer as a politician? Was he a good interior "
                        "minister?").intent is None
    # pointing back at a known subject, or a part with a subject of its own, is still answered
    assert answerer.ask("Was ist die Rahmenstrategie? Und wer hat sie erarbeitet?").intent == "rahmenstrategie"
    assert answerer.ask("Wie wird das Wetter morgen? Und was ist eine Smart City?").intent == "smart-city"
    # whether the bot happens to know it asks the question before again (the vocabulary's chatter)
    assert answerer.ask("Are there trains from Hagen to Brilon on Sunday? Would you happen to know?").intent is None
    assert answerer.ask("Gibt es einen Nachtbus nach Olpe? Weißt du das zufällig?").intent is None


def test_came_first_about_something_unknown_is_not_the_timeline(answerer: Answerer) -> None:
    assert answerer.ask("Which German city came first in the Bitkom Smart City Index this year?").intent is None
    assert answerer.ask("Was kam zuerst?").intent == "timeline"


def test_a_topic_described_as_a_first_step_is_that_topic(answerer: Answerer) -> None:
    answer = answerer.ask("Tell me about the framework strategy the pioneer towns drafted as their first step.")
    assert answer.intent == "rahmenstrategie" and "timeline begins" not in answer.text
    # asking for the order of two events is still the timeline's
    answer = answerer.ask("Was kam zuerst, die Konferenz oder die Leitfäden?")
    assert answer.intent == "timeline"


def test_among_the_first_is_a_rank_not_the_timeline(answerer: Answerer) -> None:
    answer = answerer.ask("sag mal welchen platz menden im ranking hatte das war doch unter den ersten")
    assert answer.intent == "menden" and "Timeline" not in answer.text
    assert answerer.ask("Was war zuerst?").intent == "timeline"


def test_an_aside_of_one_known_word_is_not_answered_for_a_message_not_understood(answerer: Answerer) -> None:
    # "außer" is a word of the Mitmacherkommunen examples; the message asks about ice cream
    answer = answerer.ask("Wo gibt es in Soest das beste Eis, außer bei meiner Oma natürlich?")
    assert answer.intent is None
    # a part that is sure of its one word, and several questions, are still answered
    assert answerer.ask("Wat heißt dat eigentlich, Smart City? Is dat bloß Internet für de Stadt?").intent \
        == "smart-city"
    assert answerer.ask("Was ist eine Smart City? Und wie wird das Wetter morgen?").intent == "smart-city"


def test_a_district_is_answered_with_its_towns_in_each_group(answerer: Answerer) -> None:
    text = answerer.ask("Ist der Kreis Olpe dabei?").text
    assert "Kreis Olpe" in text and "Olpe" in text and "Attendorn" in text and "Wendener Land" in text
    assert "Menden" not in text and "Brilon" not in text  # (towns of other districts)
    text = answerer.ask("Is the Märkischer Kreis part of it?").text
    assert text.startswith("Districts do not take part themselves") and "Menden" in text and "Iserlohn" in text


def test_a_greeting_after_a_story_is_answered_in_the_stories_language(answerer: Answerer) -> None:
    answer = answerer.ask("just rolled into town for the winter season mate, how ya going")
    assert answer.intent == "greeting" and answer.lang == "en"


def test_a_please_that_apologises_asks_nothing(answerer: Answerer) -> None:
    text = "Hallo! Ich heiße Ana, ich wohne in Olpe. Bitte entschuldige mein Deutsch. Ich wollte nur Hallo sagen."
    assert answerer.ask(text).intent == "greeting"
    text = "Good evening. I'm new to chats like this one, so please bear with me. Have a nice evening!"
    assert answerer.ask(text).intent in ("greeting", "thanks")
    # a please that asks still asks
    assert answerer.ask("Hallo! Ich heiße Ana. Bitte erzähl mir die Timeline.").intent != "greeting"


def test_asking_whether_this_is_the_initiatives_bot_is_answered_with_what_it_can_do(answerer: Answerer) -> None:
    for q in ("Bist du der Bot der Initiative?", "are you the smart cities bot",
              "Is dat hier der Bot von de Smart-City-Leut?"):
        assert answerer.ask(q).intent == "help", q
    # ... and around a greeting, it greets
    assert answerer.ask("Is this the bot of the smart city people? Just wanted to say hi!").intent == "greeting"
    # the initiative's people are the initiative
    assert answerer.ask("Was machen die Smart-City-Leute eigentlich so?").intent == "initiative"


def test_a_claim_checked_before_a_follow_up_question_is_what_both_ask(answerer: Answerer) -> None:
    # "Is that true?" and a question opening with a preposition go on with the claim told before them
    answer = answerer.ask("A friend told me Menden came third nationwide. Is that true? Out of how many towns?")
    assert answer.intent == "menden" and "400" in answer.text
    answer = answerer.ask("Meine Nachbarin meint, Menden war auf Platz 3. Stimmt das? Von wie vielen Kommunen?")
    assert answer.intent == "menden" and "400" in answer.text
    # a part after a preposition that names something of its own stays a part
    assert answerer.ask("Leitfäden im Modellprojekt = was genau? Für wen zugänglich?").intent == "leitfaeden"


def test_has_and_does_open_a_yes_or_no_question(answerer: Answerer) -> None:
    # ("does" folds as German "oe" does: "dos")
    assert answerer.ask("Has Olpe joined the framework strategy?").intent == "membership"
    assert answerer.ask("Has Hemer signed up to the Rahmenstrategie?").intent == "membership"


def test_a_group_added_to_is_not_the_group_asked_about(answerer: Answerer) -> None:
    assert answerer.ask("Which towns joined in addition to the pioneer towns?").intent == "mitmacherkommunen"
    assert answerer.ask("Welche Städte sind zusätzlich zu den Pionierkommunen dabei?").intent == "mitmacherkommunen"


def test_a_question_described_before_a_colon_asks_nothing_of_its_reason(answerer: Answerer) -> None:
    # "Grundfrage" is a basic question, not one about a reason ("Grund")
    for q in ("Aber zuerst die Grundfrage: was macht die Initiative eigentlich?",
              "Zuerst mal die Grundfrage: was ist das für eine Initiative?"):
        assert answerer.ask(q).intent == "initiative", q


def test_wie_sieht_es_aus_mit_a_town_asks_about_that_town(answerer: Answerer) -> None:
    assert answerer.ask("Wie sieht es aus mit Olsberg, sind die angeschlossen?").intent == "membership"


def test_looking_for_open_positions_is_not_covered(answerer: Answerer) -> None:
    assert answerer.ask("Ich bin Erzieherin und ziehe nach Olpe. Wo finde ich Stellen?").intent is None


def test_was_war_das_points_back_at_what_was_told(answerer: Answerer) -> None:
    q = ("Ich hab von einer Smart-Cities-Konferenz in Arnsberg gehört. Was war das für ein Event? Und wo kann ich "
         "mehr darüber lesen?")
    assert answerer.ask(q).intent == "konferenz"
    # ... not "Was waren die …", whose article goes with its noun
    assert answerer.ask("Was waren die wichtigsten Schritte des Projekts bisher?").intent == "timeline"


def test_an_unpunctuated_question_whether_a_town_is_one_of_a_group_is_split_from_its_story(answerer: Answerer) -> None:
    q = "frage weil wir gestern beim kaffee drüber geredet haben ist brilon eigentlich auch mitmacherkommune oder nicht"
    assert answerer.ask(q).intent == "membership"
    q = "ist werl eigentlich mitmacherkommune ich möchte das bei uns im verein erzählen"
    assert answerer.ask(q).intent == "membership"


def test_what_we_saw_after_an_unpunctuated_question_is_story(answerer: Answerer) -> None:
    q = "what is smart cities südwestfalen we saw a banner in soest is it a festival or something"
    assert answerer.ask(q).intent == "initiative"


def test_a_request_for_someone_else_or_for_a_purpose_asks_only_its_subject(answerer: Answerer) -> None:
    assert answerer.ask("my boss wants the list of Mitmacherkommunen for the slides").intent == "mitmacherkommunen"
    assert answerer.ask("Chef braucht die Fördersumme für eine Folie").intent == "funding"
    assert answerer.ask("für die Einleitung: was macht Smart Cities Südwestfalen").intent == "initiative"


def test_a_question_pointing_back_past_a_comment_asks_about_the_topic_named_as_such(answerer: Answerer) -> None:
    # (a comment that names a topic only in a compound of everyday words, "Behördendeutsch", is no subject;
    # "Modellstädten" in a compound still is, before a clause that names only a town)
    q = "In der Zeitung stand was von einer Rahmenstrategie. Klingt für mich nach Behördendeutsch. Was ist das?"
    assert answerer.ask(q).intent == "rahmenstrategie"
    q = ("Meine Tochter wohnt in Bad Berleburg und sagt, ihre Stadt sei eine von fünf Modellstädten. "
         "Welche sind die anderen?")
    assert answerer.ask(q).intent == "pionierkommunen"


def test_a_span_up_to_the_latest_step_asks_for_the_whole_timeline(answerer: Answerer) -> None:
    q = "Could you outline the chronology of the project, from the funding decision up to the most recent milestones?"
    assert answerer.ask(q).intent == "timeline"
    assert answerer.ask("What are the most recent milestones?").intent == "timeline-latest"


def test_a_question_said_again_with_also_is_one_question(answerer: Answerer) -> None:
    # (German "also" opens the question once more; "Also, …" in English asks one more)
    q = "Wat kriegen die dafür eigentlich? Also wie viel Geld gibt's für dat Projekt, und von wem?"
    assert answerer.ask(q).intent == "funding"
    assert answerer.matcher.questions_of(answerer.matcher.match("Was ist die Rahmenstrategie? Also, wer hat sie "
                                                                "gemacht? Is Olpe dabei?"))


def test_a_heading_that_points_at_its_thing_or_describes_it_before_the_colon(answerer: Answerer) -> None:
    q = "Diese Leitfäden, von denen man liest: Sind die nur für die fünf Modellstädte oder für alle Städte?"
    assert answerer.ask(q).intent == "leitfaeden"
    assert answerer.ask("Diese Leitfäden – für wen sind die? Nur für die fünf Städte?").intent == "leitfaeden"


def test_a_choice_offered_after_who_asks_nothing_of_its_own(answerer: Answerer) -> None:
    q = "Was sind das für Leitfäden, und wer darf sie nutzen? Nur die beteiligten Städte oder auch andere?"
    match = answerer.matcher.match(q)
    assert "Nur die beteiligten Städte oder auch andere?" not in answerer.matcher.questions_of(match)
    assert answerer.ask("Es gibt Leitfäden. " + q).intent == "leitfaeden"


def test_a_relative_by_marriage_is_the_writers_people(answerer: Answerer) -> None:
    q = "my father-in-law keeps asking: who gave them the funding?"
    assert answerer.ask(q).intent == "funding"


@pytest.mark.parametrize(("question", "intent"), [
    ("menden is inside the smart city", "membership"),  # (a town inside it takes part)
    ("was neu bei projekt?", "timeline-latest"),  # (terse chat without a verb asks what is new)
    ("Could you clarify the funding arrangement?", "funding"),  # (a request to clarify asks to explain)
    ("Was ist eine Smart City, in normalen Worten?", "smart-city"),  # (how plainly to answer)
    ("Danke und auf Wiedersehen", "thanks"),  # (the everyday German goodbye)
    ("whats nxt", "timeline-next"),  # (chat writes "next" without vowels)
    ("Which town is bigger, Menden or Olpe?", None),  # (the size of towns: the page gives none)
    ("warum muss das sein mit den smarten städten hier", "why"),  # (the adjective declined: "smarten Städten")
    ("Hat er Enkelkinder, der Seehofer?", None),  # (a person's family: the page tells nothing of it)
    ("who made the app, what company?", None),  # (who built something: the page names no contractor)
])
def test_vocabulary_of_this_kind_reads_as_its_topic(answerer: Answerer, question: str, intent: str) -> None:
    assert answerer.ask(question).intent == intent


def test_what_a_thing_of_a_topic_without_money_costs_is_not_the_projects_money(answerer: Answerer) -> None:
    for q in ("how much does the südwestfalen geht app cost?", "südwestfalen app kosten wie viel euro"):
        assert answerer.ask(q).intent is None, q
    # (the whole thing's cost is the project's money, however the writer names the towns or the project)
    for q in ("Was kostet das Projekt und wer zahlt?", "Dat kost doch Geld. Wer zahlt dat? Wieder die Gemeinde?",
              "how many Mio. Euro went to the 5 towns?"):
        assert answerer.ask(q).intent == "funding", q


def test_how_much_money_a_group_of_towns_got_is_the_funding(answerer: Answerer) -> None:
    # the group's topic gives no amount; the money it got is the funding's
    assert answerer.ask("wie viel kohle gabs eigentlich für die 5 pionierstädte?").intent == "funding"
    # ... but not what one town of it got, nor how the sum is split
    assert answerer.ask("Wie viel Geld hat Olpe als Pionierkommune bekommen?").intent is None
    assert answerer.ask("Wie viel Geld bekommt jede der Pionierkommunen?").intent is None


def test_asking_for_the_correct_figure_checks_a_claimed_amount(answerer: Answerer) -> None:
    assert answerer.ask("Someone said 20 million euros. Correct figure?").intent == "funding"


def test_an_answer_offered_after_a_question_that_asks_who_last_is_no_subject(answerer: Answerer) -> None:
    q = "Was sind die Leitfäden und wer darf die verwenden? Nur die fünf Modellkommunen?"
    assert answerer.ask(q).intent == "leitfaeden"
    assert answerer.ask("Was sind die Leitfäden und wer bekommt die? Nur die fünf Modellstädte?").intent == "leitfaeden"


def test_whether_one_must_follow_it_asks_whether_it_is_binding(answerer: Answerer) -> None:
    assert answerer.ask("Die Rahmenstrategie – ist das Pflicht für die Kommunen?").intent == "rahmenstrategie"
    assert answerer.ask("Ist die Rahmenstrategie ein Gesetz? Müssen wir uns daran halten?").intent == "rahmenstrategie"
    assert answerer.ask("is the framework strategy compulsory?").intent == "rahmenstrategie"


def test_billions_are_money(answerer: Answerer) -> None:
    assert answerer.ask("Wie viel kriegen die? Milliarden?").intent == "funding"


def test_asking_whether_one_misheard_asks_nothing_of_its_own(answerer: Answerer) -> None:
    assert answerer.ask("die dreizehn millionen stimmen die oder hab ich mich verhört").intent == "funding"


def test_talking_to_it_like_a_person_asks_how_to_use_the_bot(answerer: Answerer) -> None:
    assert answerer.ask("Do I just talk to it like a person?").intent == "help"


def test_using_the_bot_itself_asks_for_help(answerer: Answerer) -> None:
    # (not the Rahmenstrategie, which the towns "can use")
    assert answerer.ask("how can I use you?").intent == "help"
    assert answerer.ask("kann man hier einfach reintippen?").intent == "help"
    assert answerer.ask("who can use the Rahmenstrategie?").intent == "rahmenstrategie"


def test_tag_words_of_other_englishes_are_chatter(answerer: Answerer) -> None:
    assert answerer.ask("is olpe in it aye").intent == "membership"
    assert answerer.ask("whats next chale").intent == "timeline-next"


def test_the_staff_of_the_project_is_not_covered_and_def_is_a_definition(answerer: Answerer) -> None:
    assert answerer.ask("Wie viele Planstellen hat Olpe für das Modellprojekt geschaffen?").intent is None
    assert answerer.ask("how many staff does the pioneer towns' project have?").intent is None
    assert answerer.ask("smart city def pls").intent == "smart-city"


def test_a_request_to_explain_leads_into_the_question_past_an_aside(answerer: Answerer) -> None:
    # "… explain to me, in simple words, what …": one question, not a request of its own before it
    answer = answerer.ask("Dear all, we moved to Olpe in 1998. I would be grateful if you could explain to me, "
                          "in simple words, what this initiative is and what it wants to achieve. Kind regards")
    assert answer.intent == "initiative"
    assert not answer.text.startswith("About")
