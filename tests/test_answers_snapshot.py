"""bench/answers_snapshot.py --compare counts what a change gained and lost (the README quotes it)."""

from __future__ import annotations

from bench.answers_snapshot import gained_and_lost, labelled


def test_compare_counts_answers_gained_and_lost_apart_for_dev_and_held_out() -> None:
    labels = labelled()
    right = [[q, intent, "de", "", [], None] for q, intent, _ in labels]
    first_dev = next(i for i, (_, _, held_out) in enumerate(labels) if not held_out)
    first_held_out = next(i for i, (_, _, held_out) in enumerate(labels) if held_out)
    wrong = [row[:] for row in right]
    for i in (first_dev, first_held_out):
        wrong[i][1] = "no-such-topic"
    assert gained_and_lost(right, wrong).endswith("dev 0 / 1, held-out 0 / 1")
    assert gained_and_lost(wrong, right).endswith("dev 1 / 0, held-out 1 / 0")
    assert gained_and_lost(right, right).endswith("dev 0 / 0, held-out 0 / 0")
    # snapshots of other question files are not counted against this checkout's labels
    assert "not counted" in gained_and_lost(right[1:], right[1:])
