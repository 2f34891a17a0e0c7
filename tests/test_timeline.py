"""Timeline: order, latest and next relative to an injectable today."""

from __future__ import annotations

import datetime as dt

from bot.answers import Answerer
from bot.loader import load_texts
from bot.model import Knowledge, PartialDate, TimelineEntry
from tests.conftest import KNOWLEDGE


def entry(ident: str, date: str | None) -> TimelineEntry:
    return TimelineEntry(ident, {"de": ident, "en": ident}, {"de": f"text {ident}", "en": f"text {ident}"},
                         PartialDate.parse(date) if date else None)


def test_nothing_upcoming_names_the_latest(answerer: Answerer) -> None:
    text = answerer.ask("Was steht als nächstes an?").text
    assert "nichts Neues" in text and "2022" in text and "Menden" in text


def test_overview_keeps_seed_order(answerer: Answerer) -> None:
    text = answerer.ask("Zeig mir die Timeline").text
    order = ["Förderzusage", "Rahmenstrategie", "Leitfäden", "Schule", "Konferenz 2021", "Menden"]
    positions = [text.index(word) for word in order]
    assert positions == sorted(positions)


def with_future_entry(knowledge: Knowledge, today: dt.date) -> Answerer:
    texts = [(str(p), p.read_text(encoding="utf-8")) for p in sorted(KNOWLEDGE.glob("*.yaml"))]
    texts.append(("extra.yaml", "timeline:\n  - id: workshop\n    date: 2027-03\n"
                  "    title: {de: Workshop, en: Workshop}\n    text: {de: Ein Workshop, en: A workshop}\n"))
    return Answerer(load_texts(texts), today=lambda: today)


def test_next_upcoming_relative_to_today(knowledge: Knowledge) -> None:
    before = with_future_entry(knowledge, dt.date(2026, 11, 25))
    assert "03/2027 – Workshop" in before.ask("what's next?").text
    after = with_future_entry(knowledge, dt.date(2027, 4, 1))
    assert "Workshop" not in after.ask("what's next?").text.split("Most recently")[0]
    assert "Workshop" in after.ask("What happened most recently?").text


def test_partial_dates() -> None:
    assert PartialDate.parse("2021").label("de") == "2021"
    assert PartialDate.parse("2027-03-12").label("de") == "12.03.2027"
    for bad in ["2027-13", "2027-02-30", "21", "soon", "2027-1-1-1"]:
        try:
            PartialDate.parse(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_ordered_sorts_dated_entries_and_keeps_undated_in_place() -> None:
    from bot.timeline import latest, ordered, upcoming

    entries = [entry("a", None), entry("c", "2023"), entry("b", "2022-05"), entry("d", "2030")]
    assert [e.id for e in ordered(entries)] == ["a", "b", "c", "d"]
    assert latest(entries, dt.date(2026, 1, 1)).id == "c"  # type: ignore[union-attr]
    assert upcoming(entries, dt.date(2026, 1, 1)).id == "d"  # type: ignore[union-attr]
    assert upcoming(entries[:3], dt.date(2026, 1, 1)) is None
