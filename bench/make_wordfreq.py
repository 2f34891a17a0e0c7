"""Build ``bot/understanding/data/everyday_words.tsv.gz`` from the ``wordfreq`` package.

Run: pip install wordfreq==3.1.1 && python bench/make_wordfreq.py

The bot needs to tell everyday language ("seit gestern", "eigentlich") from topic words, and a
real frequency resource is more honest than a hand-made list. Shipping the few hundred
kilobytes it uses (German and English words with a Zipf frequency of at least 2.5, folded like
the bot folds text, the higher of the two languages kept) keeps the installed bot free of
wordfreq's 60 MB of data and its import time. Source: wordfreq 3.1.1 (Robyn Speer et al.),
``small`` word lists, data licensed CC BY-SA 4.0; see bot/understanding/data/README.md.

A third column says how much more often English uses a word than German, for the words one
language uses far more than the other ("explain", "weather" English; "bin", "im" German): the
words of a message that are no marker words still say which language it is written in
(``language.detect``).
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
LANGUAGE_MIN_ZIPF = 3.0  # in one of the languages at least
LANGUAGE_MIN_DIFFERENCE = 0.8  # a word both languages use about as often says nothing


def main() -> int:
    import wordfreq

    best: dict[str, float] = {}
    per_language: dict[str, dict[str, float]] = {"de": {}, "en": {}}
    for lang in ("de", "en"):
        for word, freq in wordfreq.get_frequency_dict(lang, "small").items():
            if freq <= 0 or not word.isalpha():
                continue
            zipf = math.log10(freq) + 9
            key = fold(word)
            if zipf > per_language[lang].get(key, 0.0):
                per_language[lang][key] = zipf
            if zipf < MIN_ZIPF:
                continue
            if zipf > best.get(key, 0.0):
                best[key] = zipf
    de, en = per_language["de"], per_language["en"]

    def leaning(word: str) -> int:
        d, e = de.get(word, 0.0), en.get(word, 0.0)
        if max(d, e) < LANGUAGE_MIN_ZIPF or abs(d - e) < LANGUAGE_MIN_DIFFERENCE:
            return 0
        return max(-10, min(10, round((e - d) * 10)))

    lines = [f"{w}\t{round(z * 10)}\t{leaning(w)}" for w, z in sorted(best.items())]
    header = ("# folded word <TAB> Zipf frequency x 10 (max of de, en) <TAB> how much more English uses it "
              f"than German (Zipf difference x 10, -10..10); from wordfreq {version('wordfreq')}\n")
    OUT.write_bytes(gzip.compress((header + "\n".join(lines) + "\n").encode("utf-8"), mtime=0))
    print(f"{len(lines)} words -> {OUT.relative_to(ROOT)} ({OUT.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
