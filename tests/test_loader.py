"""Validation reports every problem at once, each with file:line:column."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.loader import KnowledgeError, check, load_texts
from tests.conftest import ROOT

GOOD_INTENT = """\
  - id: {id}
    title: {{de: "Titel", en: "Title"}}
    examples:
      de: [{de}]
      en: ["{id} there"]
    answer: {{de: "Antwort", en: "Answer"}}
"""


def problems(text: str, name: str = "kb.yaml") -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_texts([(name, text)])
    return [str(p) for p in info.value.problems]


def test_syntax_error_has_file_line_column() -> None:
    found = problems("intents:\n  - id: a\n    title: [unclosed\n")
    assert len(found) == 1
    assert found[0].startswith("kb.yaml:4:1: YAML syntax error") or found[0].startswith("kb.yaml:3:")


def test_unknown_key_is_located_and_suggests_the_right_one() -> None:
    text = "intents:\n" + GOOD_INTENT.format(id="a", de='"hallo"').replace("    answer:", "    answr:")
    found = problems(text)
    assert any(p.startswith("kb.yaml:7:5: unknown key 'answr'") and "did you mean 'answer'" in p for p in found)


def test_all_problems_are_reported_at_once() -> None:
    text = (
        "facts:\n  funding: {de: '13'}\n"  # missing English
        "timeline:\n  - id: t\n    date: 2027-02-30\n    title: {de: a, en: b}\n    text: {de: a, en: b}\n"
        "intents:\n"
        + GOOD_INTENT.format(id="a", de='"Wie viel Geld?"')
        + GOOD_INTENT.format(id="c", de='"wie viel geld"')  # same example
        + "  - id: a\n    title: {de: x, en: y}\n    examples: {de: [z1], en: [z2]}\n    answer: {de: x, en: y}\n"
        + "  - id: b\n    title: {de: x, en: y}\n    examples: {de: [q1], en: [q2]}\n"
        "    answer: {de: '{fact:fundng}', en: '{list:nothing}'}\n"
    )
    found = problems(text)
    joined = "\n".join(found)
    assert "kb.yaml:2:12: fact 'funding' is missing the English text" in joined
    assert "kb.yaml:5:11: bad date in timeline entry 't'" in joined
    assert "intent id 'a' is used twice" in joined
    assert "example 'wie viel geld' is also an example of intent 'a'" in joined
    assert "placeholder '{fact:fundng}' refers to nothing" in joined and "did you mean 'funding'" in joined
    assert "placeholder '{list:nothing}' refers to nothing" in joined
    assert len(found) >= 6


def test_people_must_be_named_by_a_fact() -> None:
    text = ("facts:\n  giver: {de: 'Ministerin Erika Muster', en: 'Minister Erika Muster'}\n"
            "people:\n  - Erika Muster\n  - Max Beispiel\n  - [not, a, name]\n")
    found = problems(text)
    assert any(p.startswith("kb.yaml:5:5: 'Max Beispiel' is named in no fact") for p in found), found
    assert any(p.startswith("kb.yaml:6:5:") for p in found), found
    assert len(found) == 2
    assert load_texts([("kb.yaml", text.replace("  - Max Beispiel\n  - [not, a, name]\n", ""))]).people == (
        "Erika Muster",)


def test_timeline_out_of_order_is_reported() -> None:
    text = ("timeline:\n  - {id: b, date: '2022', title: {de: a, en: a}, text: {de: a, en: a}}\n"
            "  - {id: a, date: '2021', title: {de: a, en: a}, text: {de: a, en: a}}\n")
    assert any("is older" in p for p in problems(text))


def test_check_command_prints_problems_and_exits_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("intents:\n  - id: x\n    exampels: {}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "bot", "check", str(bad)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert f"{bad}:3:5: unknown key 'exampels'" in result.stdout
    assert "Traceback" not in result.stderr


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    found = check([tmp_path / "nope"])
    assert len(found) == 1 and "no such file or folder" in str(found[0])


def test_localities_belong_to_a_municipality_of_the_region() -> None:
    text = ("region:\n  Kreis Soest:\n    - Soest\n    - Werl\n"
            "outside:\n  - Dortmund\n"
            "localities:\n  Soest: [Ampen, Werl]\n  Soast: [Ostönnen]\n  Werl: [Ampen, Dortmund, Büderich]\n")
    found = problems(text)
    joined = "\n".join(found)
    assert "kb.yaml:8:18: 'Werl' is a municipality or a place of its own, not a locality of 'Soest'" in joined
    assert "kb.yaml:9:3: 'Soast' is not a municipality of the region" in joined and "did you mean 'Soest'" in joined
    assert "kb.yaml:10:10: 'Ampen' is already listed under 'Soest' at kb.yaml:8:" in joined
    assert "kb.yaml:10:17: 'Dortmund' is a municipality or a place of its own" in joined
    assert len(found) == 4, found
    good = "region:\n  Kreis Soest:\n    - Soest\n    - Wickede (Ruhr)\nlocalities:\n  Wickede: [Wiehagen]\n"
    assert load_texts([("kb.yaml", good)]).localities == {"Wiehagen": "Wickede (Ruhr)"}


def test_a_file_read_before_reports_its_problems_again_where_they_are() -> None:
    """Files are parsed once for many loads (a reload reads again only what changed): the problems
    in an unchanged file, and where they are, come out the same on every load."""
    intents = "intents:\n" + GOOD_INTENT.format(id="a", de='"hallo"').replace("    answer:", "    answr:")
    facts = "facts:\n  x: {de: 'a', en: 'b'}\n  x: {de: 'c', en: 'd'}\n"  # a key twice: found while parsing
    first = problems(intents + "\n" + facts, "kb.yaml")
    for other in ("timeline: []\n", "timeline: []\n\n"):  # another file changes, this one does not
        with pytest.raises(KnowledgeError) as info:
            load_texts([("kb.yaml", intents + "\n" + facts), ("more.yaml", other)])
        assert [str(p) for p in info.value.problems] == first
    assert any(p.startswith("kb.yaml:7:5: unknown key 'answr'") for p in first)
    assert any("'x' appears twice" in p for p in first)


def test_an_edited_file_is_read_anew() -> None:
    text = "intents:\n" + GOOD_INTENT.format(id="a", de='"hallo"')
    assert load_texts([("kb.yaml", text)]).intents[0].examples["de"] == ("hallo",)
    assert load_texts([("kb.yaml", text.replace("hallo", "moin"))]).intents[0].examples["de"] == ("moin",)
    assert load_texts([("kb.yaml", text)]).intents[0].examples["de"] == ("hallo",)


def test_an_unchanged_file_gives_the_same_intents_and_is_still_checked_against_the_others() -> None:
    """The intents of an unchanged file are read once for many loads (a reload at 100 times the
    knowledge spent a tenth of its time reading them again), but what depends on the other files
    is checked on every load: an example another file now also uses, a fact an answer names."""
    ours = "intents:\n" + GOOD_INTENT.format(id="a", de='"hallo"').replace('"Antwort"', '"Es ist {fact:x}."')
    fact = "facts:\n  x: {de: 'a', en: 'b'}\n"
    first = load_texts([("kb.yaml", ours), ("more.yaml", fact)])
    again = load_texts([("kb.yaml", ours), ("more.yaml", fact + "\n")])
    assert again.intents[0] is first.intents[0]
    found = problems_of([("kb.yaml", ours), ("more.yaml", "intents:\n" + GOOD_INTENT.format(id="b", de='"Hallo!"'))])
    assert any("example 'Hallo!' is also an example of intent 'a' (kb.yaml:" in p for p in found), found
    assert any(p.startswith("kb.yaml:") and "{fact:x}" in p for p in found), found


def problems_of(texts: list[tuple[str, str]]) -> list[str]:
    with pytest.raises(KnowledgeError) as info:
        load_texts(texts)
    return [str(p) for p in info.value.problems]
