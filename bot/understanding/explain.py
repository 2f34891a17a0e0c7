"""Say what each stage did with a question, for moderators fixing gaps (``ask --explain``,
the shell and ``/kb test``): dropped chatter, vocabulary and compound rewrites, the words
the bot knows and does not know, each channel's score for the top intents, and the decision."""

from __future__ import annotations

from bot.understanding.matcher import Match

CHANNELS = ("examples", "keywords", "answers", "question type")


def explain(match: Match, top: int = 3) -> str:
    p = match.parse
    if p is None:
        return "(no trace)"
    lines = []
    seen: set[str] = set()
    for stage, text in p.trace:
        if stage == "decide":
            continue
        key = f"{stage}:{text}"
        if key not in seen:
            seen.add(key)
            lines.append(f"{stage:>14}: {text}")
    if p.coverage < 1.0:
        lines.append(f"{'coverage':>14}: {p.coverage:.2f} of the question's content is known")
    if p.channels:
        ids = {intent: i for i, intent in enumerate(p.channels and _ids(match))}
        header = "".join(f"{c[:9]:>10}" for c in CHANNELS)
        lines.append(f"{'top intents':>14}: {'':20}{header}{'score':>8}")
        for intent, score in match.ranked[:top]:
            i = ids.get(intent)
            cells = "".join(f"{float(p.channels[c][i]):10.2f}" for c in CHANNELS) if i is not None else ""
            lines.append(f"{'':>16}{intent:20}{cells}{score:8.2f}")
    decisions = [text for stage, text in p.trace if stage == "decide"]
    lines.append(f"{'decision':>14}: {decisions[-1] if decisions else match.decision}")
    if match.intent is None and match.decision == "answer":
        lines.append(f"{'':>16}(then fell back: {p.reason})")
    return "\n".join(lines)


def _ids(match: Match) -> list[str]:
    p = match.parse
    assert p is not None
    return p.intent_ids
