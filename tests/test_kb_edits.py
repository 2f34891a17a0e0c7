"""Knowledge edits from Discord, without Discord: overlay, validation, history and undo."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.answers import Answerer
from bot.knowledge_source import KnowledgeSource
from bot.moderation.kb_edits import EditError, KnowledgeEditor, answer_edit, synonym_edit, topic_edit
from bot.storage import Storage
from tests.conftest import ROOT


@pytest.fixture
def editor(tmp_path: Path) -> KnowledgeEditor:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("*.md", "learned.yaml*"))
    return KnowledgeEditor(KnowledgeSource([str(knowledge)], str(knowledge / "learned.yaml")),
                           Storage(tmp_path / "db.sqlite3"))


def answerer(editor: KnowledgeEditor) -> Answerer:
    return Answerer(editor.source.load())


def test_an_answer_a_topic_and_a_synonym_are_checked_previewed_written_and_answered(editor: KnowledgeEditor) -> None:
    edit = answer_edit("funding", "Es gibt {fact:funding} vom Bund.", "There are {fact:funding} from the state.")
    assert "**de:** Es gibt {fact:funding} vom Bund." in editor.check(edit)
    assert not editor.source.learned.exists()  # a preview writes nothing
    editor.apply(edit, 42, "Maria")
    assert answerer(editor).answer_intent("funding", "de").text == "Es gibt 13 Millionen Euro vom Bund."
    topic = topic_edit("buergerbeteiligung", {"de": "Bürgerbeteiligung", "en": "Participation"},
                       {"de": "Über Workshops.", "en": "Through workshops."},
                       {"de": ["Wie kann ich mich beteiligen?", "Gibt es Bürgerbeteiligung?"],
                        "en": ["How can I take part in decisions?"]})
    editor.apply(topic, 42, "Maria")
    editor.apply(synonym_edit("beteiligen", ["mitreden"]), 43, "Jens")
    bot = answerer(editor)
    assert bot.ask("Wie kann ich mich beteiligen?").intent == "buergerbeteiligung"
    assert [e.summary for e in editor.history()] == [
        "synonyms of 'beteiligen': mitreden", "new topic 'buergerbeteiligung'", "answer of 'funding'"]


def test_broken_changes_are_refused_before_anything_is_written(editor: KnowledgeEditor) -> None:
    with pytest.raises(EditError, match="fact:nope"):
        editor.check(answer_edit("funding", "{fact:nope}", "x"))
    with pytest.raises(EditError, match="does not exist"):
        editor.apply(answer_edit("fundign", "a", "b"), 1, "x")
    with pytest.raises(EditError, match="used twice"):
        editor.check(topic_edit("funding", {"de": "a", "en": "b"}, {"de": "a", "en": "b"},
                                {"de": ["Frage eins zum Thema?"], "en": ["Question one on it?"]}))
    with pytest.raises(EditError, match="in German and in English"):
        topic_edit("neu", {"de": "a", "en": "b"}, {"de": "a", "en": "b"}, {"de": ["eine"]})
    with pytest.raises(EditError, match="no topic id"):
        topic_edit("Neu Thema!", {"de": "a", "en": "b"}, {"de": "a", "en": "b"}, {"de": ["a?"], "en": ["b?"]})
    assert not editor.source.learned.exists() and editor.history() == []


def test_undo_restores_the_last_change_but_never_overwrites_a_later_one(editor: KnowledgeEditor) -> None:
    editor.apply(answer_edit("funding", "Erste Fassung.", "First version."), 1, "a")
    editor.apply(answer_edit("funding", "Zweite Fassung.", "Second version."), 1, "a")
    assert editor.undo() == "answer of 'funding'"
    assert answerer(editor).answer_intent("funding", "de").text == "Erste Fassung."
    assert editor.undo() == "answer of 'funding'"
    assert not editor.source.learned.exists()  # back to no overlay at all
    with pytest.raises(EditError, match="no change to undo"):
        editor.undo()
    editor.apply(answer_edit("funding", "Dritte.", "Third."), 1, "a")
    editor.source.learned.write_text(editor.source.learned.read_text() + "\n# edited by hand\n")
    with pytest.raises(EditError, match="changed since"):
        editor.undo()


def test_a_new_topic_answers_its_examples_other_edits_answer_nothing_new() -> None:
    topic = topic_edit("buergerbeteiligung", {"de": "Beteiligung", "en": "Participation"},
                       {"de": "Text", "en": "Text"}, {"de": ["Wie kann ich mitreden?"], "en": ["How can I join in?"]})
    assert topic.answered_questions() == ["Wie kann ich mitreden?", "How can I join in?"]
    assert answer_edit("funding", "neu", "new").answered_questions() == []
    assert synonym_edit("geld", ["moos"]).answered_questions() == []
