"""Grid search of the matcher settings on the dev sets only (never on the held-out set).

Run: python bench/tune.py [--only blind4] [traps=0.97]

Prints the best settings by the mean of in-scope accuracy and trap rejection, among those
that reject at least 97 % (``traps=``) of the dev traps. The index is built once; only settings change.
"""

from __future__ import annotations

import itertools
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.accuracy import dev_files, read_questions  # noqa: E402
from bot.answers import Answerer  # noqa: E402
from bot.loader import load  # noqa: E402

GRID = {
    "threshold": [0.5, 0.53, 0.56],
    "low_threshold": [0.4, 0.45],
    "low_margin": [0.15, 0.2, 0.25],
    "story_cost": [0.3, 0.5],
}


MIN_TRAPS = float(dict(a.split('=') for a in sys.argv[1:] if a.startswith('traps=')).get('traps', 0.97))


def main() -> int:
    # --only NAME: tune on the dev files whose name contains NAME (e.g. the newest blind set, whose
    # questions no example was written after: it tells generalising from remembering)
    only = sys.argv[sys.argv.index("--only") + 1] if "--only" in sys.argv else ""
    questions = read_questions([f for f in dev_files() if only in f.name])
    answerer = Answerer(load([ROOT / "knowledge"]))
    matcher = answerer.matcher
    base = matcher.settings
    results = []
    for values in itertools.product(*GRID.values()):
        matcher.settings = replace(base, **dict(zip(GRID, values, strict=True)))
        inside = [q for q in questions if q["intent"]]
        outside = [q for q in questions if not q["intent"]]
        ok_in = sum(answerer.ask(q["q"]).intent == q["intent"] for q in inside) / len(inside)
        ok_out = sum(answerer.ask(q["q"]).intent is None for q in outside) / len(outside)
        results.append(((ok_in + ok_out) / 2 if ok_out >= MIN_TRAPS else 0, ok_in, ok_out, values))
    results.sort(reverse=True)
    print("current:", {k: getattr(base, k) for k in GRID})
    for score, ok_in, ok_out, values in results[:8]:
        print(f"{score:.4f} in {ok_in:.1%} traps {ok_out:.1%} {dict(zip(GRID, values, strict=True))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
