"""What the bot answers to every dev and held-out question, to show that a change left answers alone.

Run: python bench/answers_snapshot.py OUT.json                 (this checkout, compiled if installed so)
     SCS_PURE_PYTHON=1 python bench/answers_snapshot.py OUT.json   (the same, plain Python)
     python bench/answers_snapshot.py --compare A.json B.json     (how many answers differ, and how many
                                                                   B gets right that A did not and back)
     python bench/answers_snapshot.py --verdicts A.json           (how many answers begin with a verdict)

Each row: the question, intent, language, answer text, suggested intents and the towns found. An
older revision is snapshotted from a ``git worktree add /tmp/old REV`` with this script and the
question files copied into it; speed changes are claimed "no answer changed" only with 0 here.
"""

from __future__ import annotations

import argparse
import json
import sys
from functools import cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


@cache
def labelled() -> list[tuple[str, str | None, bool]]:
    """Every dev and held-out question with the intent it should get, and whether it is held-out."""
    files = [*sorted((ROOT / "tests" / "data").glob("dev_questions*.yaml")), ROOT / "tests" / "data" /
             "heldout_questions.yaml"]
    return [(q["q"], q["intent"], file.stem == "heldout_questions") for file in files
            for q in yaml.safe_load(file.read_text(encoding="utf-8"))["questions"]]


def questions() -> list[str]:
    return [q for q, _, _ in labelled()]


def gained_and_lost(a: list[list[object]], b: list[list[object]]) -> str:
    """How many questions B answers right that A did not, and the other way round (dev and held-out
    apart; counts only, no question shown), where the snapshots are of this checkout's question files."""
    labels = labelled()
    if [q for q, _, _ in labels] != [r[0] for r in a]:
        return "(not counted: the snapshots are of other question files than this checkout's)"
    counts = {False: [0, 0], True: [0, 0]}
    for (_, intent, held_out), x, y in zip(labels, a, b, strict=True):
        if (x[1] == intent) != (y[1] == intent):
            counts[held_out][0 if y[1] == intent else 1] += 1
    return (f"  right in B only / in A only: dev {counts[False][0]} / {counts[False][1]}, "
            f"held-out {counts[True][0]} / {counts[True][1]}")


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
        for row in differ[:10]:
            print(f"differs: {row[0][:100]}")
        print(f"{len(differ)} of {len(a)} answers differ")
        if differ:
            topic = sum(1 for x, y in zip(a, b, strict=True) if x[1] != y[1])
            print(f"  {topic} with another topic or fallback, {len(differ) - topic} with the same topic or fallback")
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
