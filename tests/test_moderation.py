"""Hot reload, teaching and the unanswered log, without Discord (real files, real SQLite)."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from bot.answers import Answerer
from bot.core import Core
from bot.knowledge_source import KnowledgeSource
from bot.moderation.teach import TeachError, teach
from bot.moderation.unanswered import UnansweredLog, clean
from bot.permissions import has_any_role
from bot.reloader import Reloader, ReloadResult
from bot.storage import MIGRATIONS, Storage
from tests.conftest import KNOWLEDGE


def today() -> dt.date:
    return dt.date(2026, 11, 25)


class Setup:
    def __init__(self, tmp: Path):
        self.dir = tmp / "knowledge"
        shutil.copytree(KNOWLEDGE, self.dir, ignore=shutil.ignore_patterns("*.md"))
        self.learned = self.dir / "learned.yaml"
        self.source = KnowledgeSource([str(self.dir)], str(self.learned))
        self.core = Core(Answerer(self.source.load(), today=today))
        self.notes: list[tuple[str, ReloadResult]] = []

        async def notify(kind: str, result: ReloadResult) -> None:
            self.notes.append((kind, result))

        self.reloader = Reloader(self.core, self.source, lambda k: Answerer(k, today=today), notify)

    def edit(self, name: str, old: str, new: str) -> None:
        path = self.dir / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def setup(tmp_path: Path) -> Setup:
    return Setup(tmp_path)


async def test_good_edit_is_picked_up_without_restart(setup: Setup) -> None:
    before = setup.core.version
    setup.edit("facts.yaml", "Winterberg", "Winterberg\n      - Schmallenberg")
    result = await setup.reloader.reload()
    assert result.status == "loaded" and setup.core.version != before
    assert "Ja!" in setup.core.ask("Ist Schmallenberg dabei?").text
    assert [k for k, _ in setup.notes] == ["loaded"]
    assert (await setup.reloader.reload()).status == "unchanged"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("intents:", "intents:\n  - id: [oops", "YAML syntax error"),  # syntax
        ("  - id: greeting\n", "  - id: greeting\n    colour: blue\n", "unknown key 'colour'"),  # schema
    ],
)
async def test_broken_edit_is_kept_out_and_reported_once(setup: Setup, old: str, new: str, expected: str) -> None:
    before = setup.core.version
    setup.edit("intents.yaml", old, new)
    first = await setup.reloader.reload()
    assert first.status == "broken" and setup.core.version == before
    assert any(expected in p.message and p.file.endswith("intents.yaml") and p.line > 0 for p in first.problems)
    assert "Lüdenscheid" in setup.core.ask("Welche Städte sind Mitmacherkommunen?").text  # still answering
    await setup.reloader.reload()
    await setup.reloader.reload(force=True)
    assert [k for k, _ in setup.notes] == ["broken"]  # once per broken version
    assert setup.reloader.problems == first.problems
    setup.edit("intents.yaml", new, old)  # fixed again
    assert (await setup.reloader.reload()).status in ("loaded", "unchanged")
    assert setup.reloader.problems == []


async def test_questions_during_reloads_never_fail(setup: Setup) -> None:
    questions = ["Ist Menden dabei?", "what is a smart city?", "Wetter in Arnsberg", "was steht an?"]
    stop = asyncio.Event()
    answered = 0

    async def ask_loop() -> None:
        nonlocal answered
        while not stop.is_set():
            for q in questions:
                assert setup.core.ask(q).text
                answered += 1
            await asyncio.sleep(0)

    task = asyncio.create_task(ask_loop())
    for town in ("Finnentrop", "Lennestadt", "Netphen", "Kirchhundem"):  # towns of the region join
        setup.edit("facts.yaml", "Winterberg", f"Winterberg\n      - {town}")
        await setup.reloader.reload()
    stop.set()
    await task
    assert answered > 0 and "Kirchhundem" in setup.core.ask("welche Städte sind Mitmacherkommunen?").text


async def test_watch_picks_up_an_edit(setup: Setup) -> None:
    watcher = asyncio.create_task(setup.reloader.watch(0.05))
    try:
        await asyncio.sleep(0.1)
        setup.edit("facts.yaml", "Winterberg", "Winterberg\n      - Schmallenberg")
        for _ in range(100):
            if setup.notes:
                break
            await asyncio.sleep(0.05)
    finally:
        watcher.cancel()
    assert [k for k, _ in setup.notes] == ["loaded"]


async def test_teach_then_answered_and_overlay_stays_valid(setup: Setup) -> None:
    question = "Wer hat den Scheck unterschrieben?"
    assert setup.core.ask(question).intent != "funding"
    lang = teach(setup.source, setup.core.answerer, question, "funding")
    assert lang == "de"
    assert (await setup.reloader.reload()).status == "loaded"
    assert setup.core.ask(question).intent == "funding"
    teach(setup.source, setup.core.answerer, "who handed over the cheque?", "funding")
    await setup.reloader.reload()
    data = yaml.safe_load(setup.learned.read_text(encoding="utf-8"))
    assert data == {"learned": {"funding": {"de": [question], "en": ["who handed over the cheque?"]}}}
    assert (setup.dir / "learned.yaml.bak").exists()  # the previous version is kept
    assert not list(setup.dir.glob(".*tmp"))  # no temp files left behind
    assert setup.source.load().version == setup.core.version  # the overlay loads cleanly
    own = {p.name: p.read_text(encoding="utf-8") for p in KNOWLEDGE.glob("*.yaml")}
    assert {n: (setup.dir / n).read_text(encoding="utf-8") for n in own} == own  # own files untouched


def test_teach_refuses_duplicates_and_unknown_intents(setup: Setup) -> None:
    answerer = setup.core.answerer
    existing = next(i for i in answerer.knowledge.intents if i.id == "mitmacherkommunen").examples["de"][0]
    with pytest.raises(TeachError, match="already an example of intent 'mitmacherkommunen'"):
        teach(setup.source, answerer, existing.upper() + "!", "funding")
    with pytest.raises(TeachError, match="already an example of 'mitmacherkommunen'"):
        teach(setup.source, answerer, existing, "mitmacherkommunen")
    with pytest.raises(TeachError, match=r"no intent 'fundign' \(did you mean 'funding'\?\)"):
        teach(setup.source, answerer, "Wie viel Geld?", "fundign")
    assert not setup.learned.exists()


def test_unanswered_log_keeps_text_count_and_dates_and_purges(tmp_path: Path) -> None:
    day = [dt.date(2026, 1, 1)]
    storage = Storage(tmp_path / "bot.sqlite3")
    log = UnansweredLog(storage, retention_days=90, today=lambda: day[0])
    log.record("Wie ist das Wetter in <@123> Arnsberg?  https://x.example")
    day[0] = dt.date(2026, 3, 1)
    log.record("wie ist das wetter in arnsberg?")
    log.record("Wer ist Bürgermeister?")
    top = log.top(days=30)
    assert [(r.question, r.count, r.first_seen, r.last_seen) for r in top] == [
        ("wie ist das wetter in arnsberg?", 2, "2026-01-01", "2026-03-01"),
        ("wer ist bürgermeister?", 1, "2026-03-01", "2026-03-01"),
    ]
    columns = [r[1] for r in storage.db.execute("PRAGMA table_info(unanswered)")]
    assert columns == ["question", "count", "first_seen", "last_seen"]  # nothing about users
    day[0] = dt.date(2026, 5, 31)  # 91 days after the last question
    assert log.purge() == 2 and log.top(days=365) == []
    storage.close()
    assert Storage(tmp_path / "bot.sqlite3").version == len(MIGRATIONS)  # migrations are not re-run


def test_clean_drops_mentions_and_links() -> None:
    assert clean("@everyone  Hallo <@!42> https://a.b/c WELT") == "hallo welt"


def test_moderator_permission_both_ways() -> None:
    assert has_any_role([1, 2], [2])
    assert not has_any_role([1], [2])
    assert not has_any_role([1], [])  # nobody, when no role is configured


def test_cli_kb_teach_and_unanswered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main

    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    monkeypatch.chdir(tmp_path)
    assert main(["kb", "teach", "Wer hat den Scheck überreicht?", "funding"]) == 0
    assert main(["ask", "--json", "Wer hat den Scheck überreicht?"]) == 0
    assert '"intent": "funding"' in capsys.readouterr().out
    assert main(["kb", "teach", "Wer hat den Scheck überreicht?", "funding"]) == 1
    assert "already an example" in capsys.readouterr().err
    storage = Storage(tmp_path / "data" / "bot.sqlite3")
    UnansweredLog(storage).record("Wie wird das Wetter?")
    storage.close()
    assert main(["kb", "unanswered"]) == 0
    assert "1× „wie wird das wetter?“" in capsys.readouterr().out


def test_unanswered_questions_are_stored_redacted_in_a_private_file(tmp_path: Path) -> None:
    from bot.moderation.unanswered import UnansweredLog, clean
    from bot.storage import Storage

    assert clean("Ruf an: +49 2931 123456, mail max.muster@example.org <@123> https://x.de/?token=1") == \
        "ruf an: [telefon] , mail [e-mail]"
    assert clean("Konferenz 2021 mit 400 Kommunen") == "konferenz 2021 mit 400 kommunen"  # numbers stay
    storage = Storage(tmp_path / "state.db")
    UnansweredLog(storage).record("Hallo \ud800 Welt, meine Nummer ist 0171 1234567")
    assert [r.question for r in UnansweredLog(storage).top()] == ["hallo welt, meine nummer ist [telefon]"]
    assert (tmp_path / "state.db").stat().st_mode & 0o077 == 0
    assert storage.db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL


ONE_INTENT = ("intents:\n  - id: greeting\n    title: {de: Hallo, en: Hello}\n"
              "    examples: {de: [Hallo], en: [Hello]}\n    answer: {de: Hallo!, en: Hello!}\n")


@pytest.mark.parametrize("content", ["", "intents: []\n", ONE_INTENT])
async def test_an_emptied_or_cut_off_intents_file_cannot_empty_the_bot(setup: Setup, content: str) -> None:
    before = setup.core.version
    (setup.dir / "intents.yaml").write_text(content, encoding="utf-8")
    result = await setup.reloader.reload()
    assert result.status == "broken" and setup.core.version == before
    assert "/kb reload force" in result.problems[0].message and result.problems[0].file.endswith(".yaml")
    assert setup.core.ask("Ist Hemer dabei?").intent == "membership"  # still answering from the good version
    assert [k for k, _ in setup.notes] == ["broken"]
    confirmed = await setup.reloader.reload(force=True, confirm_shrink=True)  # /kb reload force
    assert confirmed.status == "loaded" and setup.core.version != before


def test_two_teaching_processes_at_once_lose_no_write(tmp_path: Path) -> None:
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    from tests.conftest import ROOT

    shutil.copytree(KNOWLEDGE, tmp_path / "knowledge")
    config = tmp_path / "config.yaml"
    learned_file = tmp_path / "knowledge" / "learned.yaml"
    config.write_text(f"knowledge: [{tmp_path / 'knowledge'}]\nkb:\n  learned: {learned_file}\n"
                      f"storage:\n  path: {tmp_path / 'bot.sqlite3'}\n", encoding="utf-8")
    questions = [f"Wer hat den Scheck Nummer {n} gebracht?" for n in range(8)]

    def teach_one(question: str) -> int:
        command = [sys.executable, "-m", "bot", "kb", "--config", str(config), "teach", question, "funding"]
        return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120).returncode

    with ThreadPoolExecutor(max_workers=4) as pool:
        codes = list(pool.map(teach_one, questions))
    assert codes == [0] * len(questions)
    learned = yaml.safe_load((tmp_path / "knowledge" / "learned.yaml").read_text(encoding="utf-8"))
    assert sorted(learned["learned"]["funding"]["de"]) == sorted(questions)


async def test_a_report_is_one_message_and_a_revert_posts_the_all_clear(setup: Setup) -> None:
    from bot.moderation import kb_reports

    good = (setup.dir / "intents.yaml").read_text(encoding="utf-8")
    broken = good.replace("answer:", "answr:")  # one problem per intent: 19 problems (and more)
    (setup.dir / "intents.yaml").write_text(broken, encoding="utf-8")
    result = await setup.reloader.reload()
    assert result.status == "broken" and len(result.problems) > 10
    text = kb_reports.problems_text(result.problems, result.version, setup.core.version, "de", roots=[setup.dir])
    assert text.count("intents.yaml:") == 10 and "/kb check` zeigt alle" in text
    assert str(setup.dir) not in text  # paths relative to the knowledge folder
    assert len(text) <= 2000
    (setup.dir / "intents.yaml").write_text(good, encoding="utf-8")  # reverted to the running version
    await setup.reloader.reload()
    (setup.dir / "intents.yaml").write_text(broken, encoding="utf-8")  # the same broken version comes back
    await setup.reloader.reload()
    assert [k for k, _ in setup.notes] == ["broken", "clear", "broken"]


def test_near_duplicate_unanswered_questions_are_grouped_and_taught_ones_leave(tmp_path: Path) -> None:
    from bot.storage import Storage

    log = UnansweredLog(Storage(tmp_path / "s.db"), today=today)
    for text in ("Wie wird das Wetter?", "wie wird das wetter", "Wie wird das Wetter??", "Parkgebühren in Olpe?"):
        log.record(text)
    rows = log.top()
    assert [r.count for r in rows] == [3, 1] and rows[0].question.startswith("wie wird das wetter")
    assert log.forget("Wie wird das Wetter") == 3  # every wording of it
    assert [r.question for r in log.top()] == ["parkgebühren in olpe?"]


def test_kb_status_shows_berlin_time(knowledge) -> None:  # type: ignore[no-untyped-def]
    from bot.moderation.kb_reports import status_text

    text = status_text(knowledge, dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC).timestamp(), [], "de")
    assert "01.07.2026 12:00 (Europe/Berlin)" in text  # summer time: UTC+2


async def test_teach_refusals_come_in_one_language(setup: Setup) -> None:
    with pytest.raises(TeachError) as info:
        teach(setup.source, setup.core.answerer, "Welche Städte sind Mitmacherkommunen?", "funding")
    german = info.value.text("de")
    assert german.startswith("„Welche Städte sind Mitmacherkommunen?“ ist schon eine Beispielfrage des Themas")
    assert "already" not in german
    with pytest.raises(TeachError) as info:
        teach(setup.source, setup.core.answerer, "Wer zahlt?", "fundign")
    assert info.value.text("de") == "Ein Thema „fundign“ gibt es nicht (meintest du „funding“?)."
    assert info.value.text("en") == "there is no intent 'fundign' (did you mean 'funding'?)"


async def test_the_learned_file_is_private(setup: Setup) -> None:
    teach(setup.source, setup.core.answerer, "Wer hat den Scheck unterschrieben?", "funding")
    assert setup.learned.stat().st_mode & 0o077 == 0  # 0600: it may hold what members asked
