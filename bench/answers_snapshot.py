"""What the bot answers to every dev and held-out question, to show that a change left answers alone.

Run: python bench/answers_snapshot.py OUT.json                 (this checkout, compiled if installed so)
     SCS_PURE_PYTHON=1 python bench/answers_snapshot.py OUT.json   (the same, plain Python)
     python bench/answers_snapshot.py --compare A.json B.json     (how many answers differ, and how many
                                                                   B gets right that A did not and back;
                                                                   held-out and untouched questions are
                                                                   counted, their texts never shown)
     python bench/answers_snapshot.py --verdicts A.json           (how many answers begin with a verdict)

Each row: the question, intent, language, answer text, suggested intents and the towns found. An
older revision is snapshotted from a ``git worktree add /tmp/old REV`` with this script and the
question files copied into it; speed changes are claimed "no answer changed" only with 0 here.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


#: The groups of questions counted apart; only the dev questions' texts may be shown
GROUPS = ("dev", "untouched", "held-out")
#: What the header of a question set never tuned on says
UNTOUCHED = "**Untouched: never tuned on"


@cache
def labelled() -> list[tuple[str, str | None, str]]:
    """Every dev and held-out question with the intent it should get, and its group (``GROUPS``): the
    held-out set, a dev set kept untouched (its header says so), or the rest of the dev sets."""
    files = [*sorted((ROOT / "tests" / "data").glob("dev_questions*.yaml")), ROOT / "tests" / "data" /
             "heldout_questions.yaml"]
    rows: list[tuple[str, str | None, str]] = []
    for file in files:
        text = file.read_text(encoding="utf-8")
        group = "held-out" if file.stem == "heldout_questions" else \
            "untouched" if UNTOUCHED in text.split("\n", 1)[0] else "dev"
        rows.extend((q["q"], q["intent"], group) for q in yaml.safe_load(text)["questions"])
    return rows


def questions() -> list[str]:
    return [q for q, _, _ in labelled()]


def gained_and_lost(a: list[list[object]], b: list[list[object]]) -> str:
    """How many questions B answers right that A did not, and the other way round (each group apart;
    counts only, no question shown), where the snapshots are of this checkout's question files."""
    labels = labelled()
    if [q for q, _, _ in labels] != [r[0] for r in a]:
        return "(not counted: the snapshots are of other question files than this checkout's)"
    counts = {group: [0, 0] for group in GROUPS}
    for (_, intent, group), x, y in zip(labels, a, b, strict=True):
        if (x[1] == intent) != (y[1] == intent):
            counts[group][0 if y[1] == intent else 1] += 1
    return "  right in B only / in A only: " + ", ".join(f"{group} {counts[group][0]} / {counts[group][1]}"
                                                          for group in GROUPS)


def same_topic_kinds(a: list[list[object]], b: list[list[object]]) -> str:
    """What differs in the answers that kept their topic or fallback (counts only): a fallback's suggestions,
    the rest of a fallback's text, or an answer's text (its wording, its title line, a part added or dropped)."""
    kinds = Counter("fallbacks with other suggestions" if x[1] is None and x[4] != y[4] else
                    "fallbacks with another text" if x[1] is None else "answers with another text"
                    for x, y in zip(a, b, strict=True) if x != y and x[1] == y[1])
    return ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())


def shown(rows: list[list[object]]) -> tuple[list[str], int]:
    """The texts of the questions of ``rows`` that may be shown (the dev sets tuned on), and how many
    are not (held-out and untouched questions are only ever counted)."""
    hidden = {q for q, _, group in labelled() if group != "dev"}
    texts = [str(row[0]) for row in rows]
    return [t for t in texts if t not in hidden], sum(1 for t in texts if t in hidden)


def snapshot() -> list[list[object]]:
    from bot.answers import Answerer
    from bot.loader import load

    answerer = Answerer(load([ROOT / "knowledge"]))
    rows: list[list[object]] = []
    for question in questions():
        answer = answerer.ask(question)
        rows.append([question, answer.intent, answer.lang, answer.text, [s.intent for s in answer.suggestions],
                     list(answer.match.towns) if answer.match else None])
    return rows


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", metavar="FILE")
    parser.add_argument("--compare", action="store_true", help="compare two snapshots")
    parser.add_argument("--verdicts", action="store_true",
                        help="count the answers of a snapshot that begin with a verdict (bot/verdicts.py)")
    args = parser.parse_args()
    if args.verdicts:
        rows = json.loads(Path(args.files[0]).read_text(encoding="utf-8"))
        for said in ("**Ja.**", "**Yes.**", "**Nein.**", "**No.**", "**Doch.**", "Doch!"):
            print(f"{said}: {sum(1 for row in rows if str(row[3]).startswith(said))}")
        print(f"of {len(rows)} answers")
        return 0
    if args.compare:
        if len(args.files) != 2:
            parser.error("--compare needs two snapshot files")
        a, b = (json.loads(Path(f).read_text(encoding="utf-8")) for f in args.files)
        if [r[0] for r in a] != [r[0] for r in b]:
            print("the snapshots are of different questions", file=sys.stderr)
            return 2
        differ = [x for x, y in zip(a, b, strict=True) if x != y]
        texts, hidden = shown(differ)
        for text in texts[:10]:
            print(f"differs: {text[:100]}")
        print(f"{len(differ)} of {len(a)} answers differ" + (f" ({hidden} of them held-out or untouched: counted, "
                                                              "not shown)" if hidden else ""))
        if differ:
            topic = sum(1 for x, y in zip(a, b, strict=True) if x[1] != y[1])
            print(f"  {topic} with another topic or fallback, {len(differ) - topic} with the same topic or fallback")
            if same := same_topic_kinds(a, b):
                print(f"  of those with the same topic or fallback: {same}")
            print(gained_and_lost(a, b))
        return 1 if differ else 0
    from bot import understanding

    rows = snapshot()
    Path(args.files[0]).write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    how = "compiled" if understanding.COMPILED else "plain Python"
    print(f"{len(rows)} answers ({how}) written to {args.files[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
