"""bench/answers_snapshot.py --compare counts what a change gained and lost (the README quotes it), and never
shows a held-out or untouched question."""

from __future__ import annotations

from bench.answers_snapshot import gained_and_lost, labelled, same_topic_kinds, shown


def test_compare_counts_answers_gained_and_lost_apart_for_each_group() -> None:
    labels = labelled()
    right = [[q, intent, "de", "", [], None] for q, intent, _ in labels]
    first = {group: next(i for i, (_, _, g) in enumerate(labels) if g == group)
             for group in ("dev", "untouched", "held-out")}
    wrong = [row[:] for row in right]
    for i in first.values():
        wrong[i][1] = "no-such-topic"
    assert gained_and_lost(right, wrong).endswith("dev 0 / 1, untouched 0 / 1, held-out 0 / 1")
    assert gained_and_lost(wrong, right).endswith("dev 1 / 0, untouched 1 / 0, held-out 1 / 0")
    assert gained_and_lost(right, right).endswith("dev 0 / 0, untouched 0 / 0, held-out 0 / 0")
    # snapshots of other question files are not counted against this checkout's labels
    assert "not counted" in gained_and_lost(right[1:], right[1:])


def test_compare_shows_only_the_texts_of_dev_questions_tuned_on() -> None:
    labels = labelled()
    rows = [[q, intent, "de", "", [], None] for q, intent, _ in labels]
    texts, hidden = shown(rows)
    # (a dev question written as a held-out or untouched one is hidden too)
    assert hidden >= sum(1 for _, _, group in labels if group != "dev") > 0
    assert len(texts) + hidden == len(rows)
    secret = {q for q, _, group in labels if group != "dev"}
    assert texts and secret.isdisjoint(texts)


def test_compare_says_what_differs_in_answers_that_kept_their_topic() -> None:
    a = [["q1", None, "de", "weiß ich nicht", ["funding"], None], ["q2", "funding", "de", "13 Mio.", [], None],
         ["q3", None, "de", "weiß ich nicht", [], None], ["q4", "menden", "de", "Rang 3", [], None]]
    b = [["q1", None, "de", "weiß ich nicht", ["schule"], None], ["q2", "funding", "de", "**Titel** 13 Mio.", [], None],
         ["q3", None, "de", "keine Ahnung", [], None], ["q4", None, "de", "weiß ich nicht", [], None]]
    assert same_topic_kinds(a, b) == "1 fallbacks with other suggestions, 1 answers with another text, " \
        "1 fallbacks with another text"
    assert same_topic_kinds(a, a) == ""
