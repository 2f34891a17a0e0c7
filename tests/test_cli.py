"""The command line as a user runs it: ask, --json, batch from stdin, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_ask_prints_the_answer() -> None:
    result = run("ask", "ist Lüdenscheid dabei?")
    assert result.returncode == 0
    assert "Lüdenscheid" in result.stdout and result.stdout.startswith("Ja!")


def test_ask_json_has_the_documented_keys() -> None:
    result = run("ask", "--json", "what's next on the timeline?")
    data = json.loads(result.stdout)
    assert set(data) == {"question", "intent", "confidence", "lang", "answer", "suggestions", "context"}
    assert data["intent"] == "timeline-next" and data["lang"] == "en"


def test_batch_mode_answers_every_line_in_order() -> None:
    questions = ["Ist Werl dabei?", "Wie ist das Wetter in Arnsberg?", "hallo"] * 3334  # 10,002 questions
    result = run("ask", "--json", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    first = [json.loads(line) for line in lines[:3]]
    assert [d["intent"] for d in first] == ["membership", None, "greeting"]
    assert json.loads(lines[-1])["question"] == questions[-1]


def test_missing_knowledge_is_a_clear_error(tmp_path: Path) -> None:
    result = run("ask", "--knowledge", str(tmp_path / "missing"), "hallo")
    assert result.returncode == 1
    assert "no such file or folder" in result.stderr and "Traceback" not in result.stderr


def test_broken_knowledge_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "kb.yaml"
    bad.write_text("intents: [\n", encoding="utf-8")
    result = run("ask", "--knowledge", str(bad), "hallo")
    assert result.returncode == 1
    assert f"{bad}:2:1: YAML syntax error" in result.stderr and "Traceback" not in result.stderr


def test_shell_answers_and_quits() -> None:
    result = run("shell", stdin="Ist Werl dabei?\nexit\n")
    assert result.returncode == 0 and "Werl" in result.stdout


def test_explain_shows_the_pipeline_and_several_questions_are_answered() -> None:
    result = run("ask", "--explain", "Moin! Wie viel Kohle gibts?")
    assert result.returncode == 0
    assert "**13 Millionen Euro**" in result.stdout  # the how-much facet, not the whole paragraph
    for part in ("chatter: dropped: Moin!", "vocabulary: kohle → geld", "question type: how_much", "decision: answer"):
        assert part in result.stdout, result.stdout
    both = run("ask", "Ist Attendorn dabei? Und wo war die Konferenz?").stdout
    assert both.index("**Attendorn**") < both.index("in **Arnsberg**")
    partly = run("ask", "--json", "Was ist eine Smart City? Und wie wird das Wetter morgen?").stdout
    data = json.loads(partly)
    assert data["intent"] == "smart-city" and "Wetter morgen" in data["answer"]


def test_lang_means_the_answer_language_as_in_the_web_api() -> None:
    assert run("ask", "--lang", "en", "Ist Hemer dabei?").stdout.startswith("Yes! **Hemer**")
    assert run("ask", "Ist Hemer dabei?").stdout.startswith("Ja! **Hemer**")  # follows the question
    assert json.loads(run("ask", "--json", "--default-lang", "en", "Mitmacherkommunen").stdout)["lang"] == "en"


_NOT_BUILT = {".venv", ".git", "__pycache__", ".mypy_cache", ".ruff_cache", ".pytest_cache", "_compiled_from.txt"}


def test_a_built_wheel_carries_the_knowledge(tmp_path: Path) -> None:
    # pip install . / a wheel / a container: the shipped knowledge comes with the package.
    wheels = tmp_path / "wheels"
    # (built from a copy: pip builds in the tree it is given, and setup.py writes there which sources it
    # compiled – in the checkout that would vouch for compiled modules older than its edited sources)
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=lambda folder, names: [
        n for n in names if n in _NOT_BUILT or n.endswith((".so", ".egg-info")) or (
            Path(folder) == ROOT and n in ("data", "build", "tests", "bench", "docs"))])
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps",
                            "-w", str(wheels), str(source)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    import zipfile

    (wheel,) = wheels.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for name in ("intents.yaml", "facts.yaml", "timeline.yaml", "vocabulary.yaml", "region.yaml"):
        assert f"bot/knowledge/{name}" in names
    assert "bot/understanding/data/everyday_words.tsv.gz" in names and "bot/static/chat.js" in names
    assert not [n for n in names if "learned.yaml" in n]
    sources = {p.relative_to(ROOT).as_posix() for p in (ROOT / "bot").rglob("*.py") if "__pycache__" not in p.parts}
    assert sources <= set(names), sorted(sources - set(names))  # every module, subpackages included
    # installed (not editable) and run outside the checkout: the package's own knowledge answers
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target),
                              str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {"PATH": "", "PYTHONPATH": str(target)}
    answer = subprocess.run([sys.executable, "-m", "bot", "ask", "Ist Soest dabei?"], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert answer.returncode == 0 and answer.stdout.startswith("Ja! **Soest**"), answer.stderr
    check = subprocess.run([sys.executable, "-m", "bot", "check"], cwd=elsewhere, env=env, capture_output=True,
                           text=True, timeout=120)
    assert check.returncode == 0 and str(target / "bot" / "knowledge") in check.stdout, check.stdout
    assert list(elsewhere.iterdir()) == []  # nothing written where it ran


def test_command_line_details(tmp_path: Path) -> None:
    bad_port = run("serve", "--port", "99999")
    assert bad_port.returncode == 2 and "99999 is not a port: use 1 to 65535" in bad_port.stderr
    one_file = run("check", "knowledge/intents.yaml")  # checked with the rest of its folder
    assert one_file.returncode == 0 and one_file.stdout.startswith("OK: 5 file(s) in knowledge")
    broken = tmp_path / "kb"
    shutil.copytree(ROOT / "knowledge", broken, ignore=shutil.ignore_patterns("*.md", "learned.yaml*"))
    text = (broken / "intents.yaml").read_text(encoding="utf-8").replace("    answer:", "    answr:", 1)
    (broken / "intents.yaml").write_text(text, encoding="utf-8")
    assert run("check", str(broken / "facts.yaml")).returncode == 0  # its own problems only
    result = run("check", str(broken / "intents.yaml"))
    lines = result.stdout.splitlines()[:-1]  # the problems, then the count
    assert result.returncode == 1 and lines and all("intents.yaml:" in line for line in lines)
    config = tmp_path / "config.yaml"
    config.write_text(f"storage:\n  path: {tmp_path / 'data' / 'bot.sqlite3'}\n", encoding="utf-8")
    assert run("kb", "--config", str(config), "unanswered").returncode == 0
    assert not (tmp_path / "data").exists()  # reading creates no data/ folder


def test_a_config_named_but_missing_is_an_error_for_every_command_and_options_go_after_the_subcommand(
        tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.yaml")
    for args in (["kb", "unanswered", "--config", missing], ["kb", "--config", missing, "unanswered"],
                 ["kb", "teach", "Frage?", "funding", "--config", missing], ["events", "list", "--config", missing],
                 ["stories", "--config", missing, "poll"], ["stories", "retry", "3", "--config", missing],
                 ["serve", "--config", missing], ["run", "--config", missing]):
        result = run(*args)
        assert result.returncode == 2 and "nope.yaml" in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    config = tmp_path / "config.yaml"  # an existing one, named after the subcommand, is used
    config.write_text(f"storage: {{path: {tmp_path / 'db.sqlite3'}}}\nlanguage: en\n", encoding="utf-8")
    result = run("kb", "unanswered", "--days", "7", "--config", str(config))
    assert result.returncode == 0 and "7 days" in result.stdout, result.stdout + result.stderr
    assert not (tmp_path / "db.sqlite3").exists()  # reading creates nothing


def test_ask_answers_each_quoted_question_and_batch_skips_blank_lines() -> None:
    result = run("ask", "Ist Olpe dabei?", "Wer fördert das Projekt?")
    assert result.returncode == 0
    assert result.stdout.count("> ") == 2 and "**Olpe**" in result.stdout and "Seehofer" in result.stdout
    assert run("ask", "Ist", "Olpe", "dabei").stdout.startswith("Ja! **Olpe**")  # unquoted words: one question
    result = run("ask", "--json", stdin="Ist Werl dabei?\n\n   \nhallo\n")
    assert [json.loads(line)["intent"] for line in result.stdout.splitlines()] == ["membership", "greeting"]
