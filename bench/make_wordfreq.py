"""Build ``bot/understanding/data/everyday_words.tsv.gz`` from the ``wordfreq`` package.

Run: pip install wordfreq==3.1.1 && python bench/make_wordfreq.py

The bot needs to tell everyday language ("seit gestern", "eigentlich") from topic words, and a
real frequency resource is more honest than a hand-made list. Shipping the few hundred
kilobytes it uses (German and English words with a Zipf frequency of at least 2.5, folded like
the bot folds text, the higher of the two languages kept) keeps the installed bot free of
wordfreq's 60 MB of data and its import time. Source: wordfreq 3.1.1 (Robyn Speer et al.),
``small`` word lists, data licensed CC BY-SA 4.0; see bot/understanding/data/README.md.
"""

from __future__ import annotations

import gzip
import math
import sys
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understanding.normalize import fold  # noqa: E402

MIN_ZIPF = 2.5
OUT = ROOT / "bot" / "understanding" / "data" / "everyday_words.tsv.gz"


def main() -> int:
    import wordfreq

    best: dict[str, float] = {}
    for lang in ("de", "en"):
        for word, freq in wordfreq.get_frequency_dict(lang, "small").items():
            if freq <= 0 or not word.isalpha():
                continue
            zipf = math.log10(freq) + 9
            if zipf < MIN_ZIPF:
                continue
            key = fold(word)
            if zipf > best.get(key, 0.0):
                best[key] = zipf
    lines = [f"{w}\t{round(z * 10)}" for w, z in sorted(best.items())]
    header = f"# folded word <TAB> Zipf frequency x 10 (max of de, en); from wordfreq {version('wordfreq')}\n"
    OUT.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(lines)} words -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
