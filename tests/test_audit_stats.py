"""The audit log and answer analytics: plain modules, the command line, and the Core hook."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

from bot.answers import Answerer
from bot.core import Core
from bot.loader import load
from bot.moderation.audit import AuditLog
from bot.moderation.stats import QuestionStats, chart_png, stats_text
from bot.storage import Storage
from tests.conftest import ROOT


def test_the_audit_log_keeps_who_did_what_and_when_and_forgets_old_entries(tmp_path: Path) -> None:
    now = [dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.UTC)]
    storage = Storage(tmp_path / "db.sqlite3")
    log = AuditLog(storage, lambda: now[0], retention_days=30)
    log.record(42, "Maria", "teach", "„Wie viel Kohle?“ → funding")
    now[0] += dt.timedelta(days=40)
    entry = log.record(43, "Jens", "event.create", "#1 „Stammtisch“")
    assert [e.actor_name for e in log.recent()] == ["Jens"]  # the first is past the retention period
    assert entry.line() == "10.01.2027 10:00 · Jens (43) · event.create · #1 „Stammtisch“"  # Berlin time
    assert [e.action for e in log.recent(action="event")] == ["event.create"]
    storage.close()


def test_stats_count_per_day_language_source_and_topic_and_draw_a_chart(tmp_path: Path) -> None:
    today = [dt.date(2026, 11, 30)]
    storage = Storage(tmp_path / "db.sqlite3")
    stats = QuestionStats(storage, lambda: today[0])
    for source, lang, intent in [("discord", "de", "funding"), ("discord", "de", None), ("web", "en", "funding")]:
        stats.record(source, lang, intent)
    today[0] = dt.date(2026, 12, 2)
    stats.record("web", "de", "membership")
    summary = stats.summary(7, [("Wie ist das Wetter?", 3)])
    assert summary.total == 4 and summary.answered == 3 and len(summary.per_day) == 7
    assert summary.per_day[-3] == (dt.date(2026, 11, 30), 3, 2) and summary.per_day[-2][1] == 0
    assert summary.by_lang == {"de": 3, "en": 1} and summary.by_source == {"discord": 2, "web": 2}
    text = stats_text(summary, "de", {"funding": "Förderung"})
    assert "4 Fragen, 3 beantwortet (75%)" in text and "• Förderung (funding): 2" in text
    assert "3× „Wie ist das Wetter?“" in text
    assert chart_png(summary, "en").startswith(b"\x89PNG\r\n\x1a\n")
    columns = [r[1] for r in storage.db.execute("PRAGMA table_info(question_stats)")]
    assert columns == ["day", "source", "lang", "intent", "count"]  # counts only: no text, no user
    storage.close()


def test_every_question_a_person_asks_reaches_the_analytics_but_chit_chat_left_alone_does_not() -> None:
    core = Core(Answerer(load([ROOT / "knowledge"])))
    seen: list[tuple[str | None, str]] = []
    core.on_answer.append(lambda answer, source: seen.append((answer.intent, source)))
    core.ask("Ist Soest dabei?", source="web")
    core.ask("Wie ist das Wetter?", source="discord")
    core.ask("haha ok", source="discord", log_fallback=False)  # the Discord layer's chit-chat
    assert seen == [("membership", "web"), (None, "discord")]


def test_the_command_line_writes_the_audit_and_the_stats_chart(tmp_path: Path) -> None:
    knowledge = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", knowledge, ignore=shutil.ignore_patterns("*.md", "learned.yaml*"))
    config = tmp_path / "config.yaml"
    config.write_text(f"knowledge: [{knowledge}]\nkb: {{learned: {knowledge / 'learned.yaml'}}}\n"
                      f"storage: {{path: {tmp_path / 'db.sqlite3'}}}\nlanguage: en\n", encoding="utf-8")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot", *args, "--config", str(config)], cwd=tmp_path,
                              capture_output=True, text=True, timeout=120)

    assert run("kb", "teach", "Wie viel Kohle gibt es?", "funding").returncode == 0
    audit = run("audit")
    assert audit.returncode == 0 and "· teach · „Wie viel Kohle gibt es?“ → funding" in audit.stdout
    assert "(0)" in audit.stdout and "cli:" in audit.stdout
    storage = Storage(tmp_path / "db.sqlite3")
    QuestionStats(storage).record("web", "de", "funding")
    storage.close()
    stats = run("kb", "stats", "--days", "7", "--chart", str(tmp_path / "chart.png"))
    assert stats.returncode == 0 and "1 questions, 1 answered (100%)" in stats.stdout, stats.stderr
    assert (tmp_path / "chart.png").read_bytes().startswith(b"\x89PNG")
