"""Load and validate knowledge files, reporting every problem with file:line:column.

Moderators edit these files by hand, so the loader never stops at the first mistake: it
collects all of them, each with a message that names the key and says what to do, and
refuses to build a knowledge base from files that have any.
"""

from __future__ import annotations

import gc
import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from itertools import chain
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process

from bot.model import Group, Intent, Knowledge, PartialDate, TimelineEntry, Vocabulary, short_name
from bot.understanding.normalize import tokenize_example, tokenize_examples
from bot.understanding.stopwords import STOPWORDS

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml is much faster; same marks


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Every scalar stays text: "2021" is a date to validate, "no" is not a boolean."""

    yaml_implicit_resolvers: dict[str, Any] = {}
    _TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
             yaml.MappingNode: "tag:yaml.org,2002:map"}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        return self._TAGS[kind]


NULLS = frozenset({"", "~", "null", "Null", "NULL"})

LANGS = ("de", "en")
LANG_NAMES = {"de": "German", "en": "English"}
HANDLERS = ("membership",)
TIMELINE_SLOTS = ("overview", "latest", "next")
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([^{}\s]*))?\}")
#: A placeholder that becomes a listing (Discord shows such answers as embeds).
LISTING = re.compile(r"\{(?:list|timeline|topics|stories)\b")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

TOP_KEYS = ("intents", "groups", "facts", "timeline", "aliases", "learned", "vocabulary", "region", "outside",
            "localities", "people", "answers")
VOCABULARY_KEYS = ("synonyms", "not_covered", "chatter")
INTENT_KEYS = ("id", "title", "examples", "answer", "handler", "listed", "facets")
#: The question types a facet may answer (see bot/understanding/qtype.py).
FACETS = ("who", "when", "where", "how_many", "why", "what", "which", "how", "yes_no")
BOOLS = {"true": True, "yes": True, "ja": True, "false": False, "no": False, "nein": False}
GROUP_KEYS = ("name", "role", "members")
TIMELINE_KEYS = ("id", "date", "title", "text", "link")
_UMLAUT = re.compile(r"[äöüÄÖÜ]")


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a knowledge file, located for a human editor."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class KnowledgeError(Exception):
    """The knowledge files have problems; ``problems`` lists all of them."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


Path_ = tuple[Any, ...]
#: (file key, path) -> the parsed values, and the intents and texts read from them with their paths
_ReadIntents = dict[tuple[tuple[str, bytes], Path_],
                    tuple[Any, tuple[tuple[Intent, Path_], ...], tuple[tuple[str, Path_], ...]]]


class _Doc:
    """A parsed file: plain Python values, plus the YAML node tree to locate a value or key.

    Positions are looked up only when there is a problem to report, so a clean load does not
    pay for recording the line and column of every value.
    """

    def __init__(self, file: str, text: str = ""):
        self.file = file
        self.text = text
        self._root: yaml.Node | None = None
        self.problems: list[Problem] = []
        self.key: tuple[str, bytes] | None = None  # (name, digest of the text): see ``_parse``

    @property
    def root(self) -> yaml.Node | None:
        """The node tree, composed again only when a problem is to be located (a file read
        before is not parsed again, see ``_parse``)."""
        if self._root is None and self.text:
            self._root = yaml.compose(self.text, Loader=_Loader)
        return self._root

    def position(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        return node_position(self.root, path, key=key)

    def at(self, path: Path_, message: str, *, key: bool = False) -> None:
        line, col = self.position(path, key=key)
        self.problems.append(Problem(self.file, line, col, message))

    def convert(self, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            if node.style is None and node.value in NULLS:
                return None
            return node.value
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child) for child in node.value]
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                if key in result:
                    mark = key_node.start_mark
                    self.problems.append(Problem(self.file, mark.line + 1, mark.column + 1,
                                                 f"'{key}' appears twice here; keep one of them"))
                result[key] = self.convert(value_node)
            return result
        return None  # pragma: no cover - aliases resolve to the node types above


def node_position(root: yaml.Node | None, path: Path_, *, key: bool = False) -> tuple[int, int]:
    """Line and column of the value (or, with ``key``, the key) at ``path`` in a YAML node
    tree; the nearest enclosing value when the path does not exist in the file."""
    node = root
    if node is None:
        return (1, 1)
    mark = node.start_mark
    for depth, part in enumerate(path):
        child = None
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in reversed(node.value):  # the last one wins, as in convert
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == str(part):
                    if key and depth == len(path) - 1:
                        mark = key_node.start_mark
                        return (mark.line + 1, mark.column + 1)
                    child = value_node
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        node, mark = child, child.start_mark
    return (mark.line + 1, mark.column + 1)


def knowledge_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand files and folders into the YAML files to load, sorted for a stable version."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                problems.append(Problem(str(path), 0, 0, "this folder holds no .yaml knowledge files"))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            problems.append(Problem(str(path), 0, 0, "no such file or folder"))
    return files, problems


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    best = process.extractOne(word, choices, score_cutoff=60)
    return f" (did you mean '{best[0]}'?)" if best else ""


class _Builder:
    """Checks each file's structure and collects the pieces into one knowledge base."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.intents: list[tuple[Intent, _Doc, Path_]] = []
        self.read_intents: _ReadIntents = {}  # what this load read from each file's intents (``_intents``)
        # Examples taught through the bot (the overlay file): (intent id, lang, text, doc, path).
        self.learned: list[tuple[str, str, str, _Doc, Path_]] = []
        self.answer_overrides: list[tuple[str, dict[str, str], _Doc, Path_]] = []  # answers edited from Discord
        self.groups: dict[str, tuple[Group, _Doc, Path_]] = {}
        self.facts: dict[str, tuple[dict[str, str], _Doc, Path_]] = {}
        self.timeline: list[tuple[TimelineEntry, _Doc, Path_]] = []
        self.aliases: dict[str, tuple[tuple[str, ...], _Doc, Path_]] = {}
        self.texts: list[tuple[str, _Doc, Path_]] = []  # every text that may hold placeholders
        # vocabulary.yaml: folded variant -> (canonical, where it was written)
        self.variants: dict[str, tuple[str, _Doc, Path_]] = {}
        self.spelling_keys: dict[str, tuple[str, _Doc, Path_]] = {}  # folded synonym key -> name, where
        self.synonyms: dict[str, list[str]] = {}
        self.not_covered: dict[str, tuple[list[str], _Doc, Path_]] = {}  # subject -> how people ask, where
        self.chatter: list[str] = []
        self.region: dict[str, tuple[str, _Doc, Path_]] = {}  # municipality -> district
        self.outside: list[tuple[str, _Doc, Path_]] = []
        self.localities: dict[str, tuple[str, _Doc, Path_]] = {}  # locality (Ortsteil) -> municipality
        self.people: list[tuple[str, _Doc, Path_]] = []

    # --- small typed readers -------------------------------------------------------------
    def _keys(self, doc: _Doc, value: Any, path: Path_, allowed: Sequence[str], what: str) -> bool:
        if not isinstance(value, dict):
            doc.at(path, f"{what} must be a set of 'key: value' lines")
            return False
        for key in value:
            if key not in allowed:
                doc.at(
                    (*path, key),
                    f"unknown key '{key}' in {what}{did_you_mean(key, allowed)}; allowed: {', '.join(allowed)}",
                    key=True,
                )
        return True

    def _str(self, doc: _Doc, value: Any, path: Path_, what: str) -> str | None:
        if not isinstance(value, str) or not value.strip():
            doc.at(path, f"{what} must be a non-empty text")
            return None
        return value.strip()

    def _texts(self, doc: _Doc, value: Any, path: Path_, what: str, *, track: bool = True) -> dict[str, str]:
        if isinstance(value, str):
            doc.at(path, f"{what} needs a German and an English version: write 'de: ...' and 'en: ...' below it")
            return {}
        if not self._keys(doc, value, path, LANGS, what):
            return {}
        texts: dict[str, str] = {}
        for lang in LANGS:
            if lang not in value:
                doc.at(path, f"{what} is missing the {LANG_NAMES[lang]} text ('{lang}:')")
                continue
            text = self._str(doc, value[lang], (*path, lang), f"the {LANG_NAMES[lang]} text of {what}")
            if text is not None:
                texts[lang] = text
                if track:
                    self.texts.append((text, doc, (*path, lang)))
        return texts

    def _list(self, doc: _Doc, value: Any, path: Path_, what: str) -> list[Any]:
        if not isinstance(value, list):
            doc.at(path, f"{what} must be a list (lines starting with '- ')")
            return []
        return value

    def _id(self, doc: _Doc, value: Any, path: Path_, what: str) -> str | None:
        ident = self._str(doc, value, path, f"the id of {what}")
        if ident is not None and not ID_RE.match(ident):
            doc.at(path, f"id '{ident}' may only use lowercase letters, digits, '-' and '_'")
            return None
        return ident

    # --- sections ------------------------------------------------------------------------
    def add(self, doc: _Doc, data: Any) -> None:
        if data is None:
            return
        if not self._keys(doc, data, (), TOP_KEYS, "a knowledge file"):
            return
        for key, handler in (
            ("facts", self._facts),
            ("groups", self._groups),
            ("aliases", self._aliases),
            ("intents", self._intents),
            ("timeline", self._timeline),
            ("learned", self._learned),
            ("answers", self._answers),
            ("vocabulary", self._vocabulary),
            ("region", self._region),
            ("outside", self._outside),
            ("localities", self._localities),
            ("people", self._people),
        ):
            if key in data:
                handler(doc, data[key], (key,))

    def _facts(self, doc: _Doc, data: Any, path: Path_) -> None:
        if not self._keys(doc, data, path, list(data) if isinstance(data, dict) else [], "facts"):
            return
        for name, value in data.items():
            texts = self._texts(doc, value, (*path, name), f"fact '{name}'")
            if name in self.facts:
                doc.at((*path, name), f"fact '{name}' is already defined in {self._where(*self.facts[name][1:])}",
                       key=True)
            elif texts:
                self.facts[name] = (texts, doc, (*path, name))

    def _groups(self, doc: _Doc, data: Any, path: Path_) -> None:
        if not self._keys(doc, data, path, list(data) if isinstance(data, dict) else [], "groups"):
            return
        for gid, value in data.items():
            gpath = (*path, gid)
            if not ID_RE.match(gid):
                doc.at(gpath, f"group id '{gid}' may only use lowercase letters, digits, '-' and '_'", key=True)
            if not self._keys(doc, value, gpath, GROUP_KEYS, f"group '{gid}'"):
                continue
            name = self._texts(doc, value.get("name"), (*gpath, "name"), f"the name of group '{gid}'")
            role = self._texts(doc, value.get("role"), (*gpath, "role"), f"the role of group '{gid}'")
            members: list[str] = []
            for i, member in enumerate(self._list(doc, value.get("members"), (*gpath, "members"),
                                                  f"the members of group '{gid}'")):
                town = self._str(doc, member, (*gpath, "members", i), "a town name")
                if town in members:
                    doc.at((*gpath, "members", i), f"'{town}' is listed twice in group '{gid}'")
                elif town:
                    members.append(town)
            if gid in self.groups:
                doc.at(gpath, f"group '{gid}' is already defined in {self._where(*self.groups[gid][1:])}",
                       key=True)
            else:
                self.groups[gid] = (Group(gid, name, role, tuple(members)), doc, gpath)

    def _aliases(self, doc: _Doc, data: Any, path: Path_) -> None:
        if not self._keys(doc, data, path, list(data) if isinstance(data, dict) else [], "aliases"):
            return
        for town, value in data.items():
            names = [self._str(doc, v, (*path, town, i), "an alias") for i, v in
                     enumerate(self._list(doc, value, (*path, town), f"the aliases of '{town}'"))]
            self.aliases[town] = (tuple(n for n in names if n), doc, (*path, town))

    def _intents(self, doc: _Doc, data: Any, path: Path_) -> None:
        """The intents of a file, read once for many loads: a file that did not change (its parsed
        values are the very ones read last time) gives the same intents, without a problem."""
        if doc.key is None:  # (a file not parsed by ``_parse``)
            self._intents_anew(doc, data, path)
            return
        key = (doc.key, path)
        seen = _read_intents.get(key)
        if seen is not None and seen[0] is data:
            self.intents.extend((intent, doc, ipath) for intent, ipath in seen[1])
            self.texts.extend((text, doc, tpath) for text, tpath in seen[2])
            self.read_intents[key] = seen
            return
        problems, intents, texts = len(doc.problems), len(self.intents), len(self.texts)
        self._intents_anew(doc, data, path)
        if len(doc.problems) == problems:
            self.read_intents[key] = (data, tuple((i, p) for i, _, p in self.intents[intents:]),
                                      tuple((t, p) for t, _, p in self.texts[texts:]))

    def _intents_anew(self, doc: _Doc, data: Any, path: Path_) -> None:
        for i, value in enumerate(self._list(doc, data, path, "intents")):
            ipath = (*path, i)
            if not self._keys(doc, value, ipath, INTENT_KEYS, "an intent"):
                continue
            ident = self._id(doc, value.get("id"), (*ipath, "id"), "an intent")
            what = f"intent '{ident}'"
            title = self._texts(doc, value.get("title"), (*ipath, "title"), f"the title of {what}")
            handler = value.get("handler")
            if handler is not None and handler not in HANDLERS:
                doc.at((*ipath, "handler"), f"unknown handler '{handler}'{did_you_mean(str(handler), HANDLERS)}; "
                       f"known: {', '.join(HANDLERS)}")
            answer: dict[str, str] = {}
            if "answer" in value or handler is None:
                answer = self._texts(doc, value.get("answer"), (*ipath, "answer"), f"the answer of {what}")
            examples: dict[str, tuple[str, ...]] = {}
            epath = (*ipath, "examples")
            if self._keys(doc, value.get("examples"), epath, LANGS, f"the examples of {what}"):
                for lang in LANGS:
                    items = value["examples"].get(lang)
                    if items is None:
                        doc.at(epath, f"the examples of {what} are missing the {LANG_NAMES[lang]} "
                               f"questions ('{lang}:')")
                        continue
                    texts = [self._str(doc, q, (*epath, lang, j), "an example question")
                             for j, q in enumerate(self._list(doc, items, (*epath, lang), "examples"))]
                    examples[lang] = tuple(t for t in texts if t)
            listed = True
            if "listed" in value:
                listed_raw = BOOLS.get(str(value["listed"]).lower())
                if listed_raw is None:
                    doc.at((*ipath, "listed"), "'listed' must be true or false")
                else:
                    listed = listed_raw
            facets: dict[str, dict[str, str]] = {}
            if value.get("facets") is not None and self._keys(doc, value["facets"], (*ipath, "facets"), FACETS,
                                                              f"the facets of {what}"):
                for kind, texts in value["facets"].items():
                    if kind in FACETS:
                        facet = self._texts(doc, texts, (*ipath, "facets", kind), f"the '{kind}' facet of {what}")
                        if facet:
                            facets[kind] = facet
            if ident:
                self.intents.append((Intent(ident, title, examples, answer, handler, listed, facets), doc, ipath))

    def _learned(self, doc: _Doc, data: Any, path: Path_) -> None:
        if not self._keys(doc, data, path, list(data) if isinstance(data, dict) else [], "learned"):
            return
        for ident, value in data.items():
            lpath = (*path, ident)
            if not self._keys(doc, value, lpath, LANGS, f"the learned examples of '{ident}'"):
                continue
            for lang in LANGS:
                items = self._list(doc, value.get(lang) or [], (*lpath, lang), "learned examples")
                for j, q in enumerate(items):
                    text = self._str(doc, q, (*lpath, lang, j), "an example question")
                    if text:
                        self.learned.append((str(ident), lang, text, doc, (*lpath, lang, j)))

    def _answers(self, doc: _Doc, data: Any, path: Path_) -> None:
        """``answers: {intent: {de: …, en: …}}``: a new answer text for an existing intent (written by
        ``/kb antwort`` into the overlay; the moderators' own file stays as it is)."""
        if not self._keys(doc, data, path, list(data) if isinstance(data, dict) else [], "answers"):
            return
        for ident, value in data.items():
            texts = self._texts(doc, value, (*path, ident), f"the new answer of '{ident}'")
            if texts:
                self.answer_overrides.append((str(ident), texts, doc, (*path, ident)))

    def _merge_answers(self) -> None:
        index = {intent.id: i for i, (intent, _, _) in enumerate(self.intents)}
        for ident, texts, doc, path in self.answer_overrides:
            if ident not in index:
                doc.at(path, f"a new answer for intent '{ident}', which does not exist"
                       f"{did_you_mean(ident, list(index))}", key=True)
                continue
            intent, idoc, ipath = self.intents[index[ident]]
            self.intents[index[ident]] = (replace(intent, answer={**intent.answer, **texts}), idoc, ipath)

    def _vocabulary(self, doc: _Doc, data: Any, path: Path_) -> None:
        if not self._keys(doc, data, path, VOCABULARY_KEYS, "vocabulary"):
            return
        self._spellings(doc, data.get("synonyms") or {}, (*path, "synonyms"), "synonyms")
        self._spellings(doc, data.get("not_covered") or {}, (*path, "not_covered"), "not_covered")
        cpath = (*path, "chatter")
        for j, phrase in enumerate(self._list(doc, data.get("chatter") or [], cpath, "chatter")):
            text = self._str(doc, phrase, (*cpath, j), "a chatter word or phrase")
            if text is not None:
                self.chatter.append(text)

    def _spellings(self, doc: _Doc, table: Any, spath: Path_, section: str) -> None:
        """A table of word -> the other ways people write it (``synonyms``), or of a subject the
        knowledge does not cover -> the ways people ask about it (``not_covered``)."""
        if not self._keys(doc, table, spath, list(table) if isinstance(table, dict) else [], section):
            return
        for canonical, variants in table.items():
            cpath = (*spath, canonical)
            folded_canonical = " ".join(tokenize_example(str(canonical)).folded)
            if not folded_canonical:
                doc.at(cpath, f"'{canonical}' has no letters or digits to match on", key=True)
                continue
            if section == "not_covered":
                if " " in folded_canonical:
                    doc.at(cpath, f"'{canonical}' is several words; a subject under 'not_covered' is one word "
                           "that names it (e.g. 'jobsuche')", key=True)
                    continue
                self.not_covered[str(canonical)] = ([], doc, cpath)
            else:
                self.spelling_keys.setdefault(folded_canonical, (str(canonical), doc, cpath))
            for j, variant in enumerate(self._list(doc, variants, cpath, f"the other spellings of '{canonical}'")):
                text = self._str(doc, variant, (*cpath, j), f"another way to write '{canonical}'")
                if text is None:
                    continue
                folded = " ".join(tokenize_example(text).folded)
                if not folded:
                    doc.at((*cpath, j), f"'{text}' has no letters or digits to match on")
                elif folded == folded_canonical:
                    doc.at((*cpath, j), f"'{text}' is '{canonical}' itself (case and umlauts do not matter); "
                           "remove it")
                elif folded in STOPWORDS and _UMLAUT.search(text):
                    # "dänn" (Platt "denn") is "dann" once folded: every "dann" would be read as the key
                    doc.at((*cpath, j), f"'{text}' is '{folded}' once umlauts are folded, a word of its own: "
                           f"every '{folded}' would be read as '{canonical}'")
                elif folded in self.variants and self.variants[folded][0] != folded_canonical:
                    other, odoc, opath = self.variants[folded]
                    doc.at((*cpath, j), f"'{text}' already stands for '{other}' at {self._where(odoc, opath)}; "
                           "a word can stand for one thing only")
                elif folded in self.variants and self.variants[folded][1] is doc:
                    _, odoc, opath = self.variants[folded]
                    doc.at((*cpath, j), f"'{text}' is listed already at {self._where(odoc, opath)}; remove one")
                else:
                    self.variants[folded] = (folded_canonical, doc, (*cpath, j))
                    if section == "not_covered":
                        self.not_covered[str(canonical)][0].append(text)
                    else:
                        self.synonyms.setdefault(str(canonical), []).append(text)

    def _region(self, doc: _Doc, data: Any, path: Path_) -> None:
        self._listed_under(doc, data, path, "region", "the municipalities of '{}'", "a municipality", self.region)

    def _listed_under(self, doc: _Doc, data: Any, path: Path_, section: str, list_of: str, item: str,
                      into: dict[str, tuple[str, _Doc, Path_]]) -> None:
        """A section of names listed under keys ("Kreis Olpe: [Attendorn, …]", "Arnsberg: [Neheim, …]"):
        each name once, kept with its key and where it was written."""
        if not self._keys(doc, data, path, list(data) if isinstance(data, dict) else [], section):
            return
        for key, names in data.items():
            kpath = (*path, key)
            for j, value in enumerate(self._list(doc, names, kpath, list_of.format(key))):
                name = self._str(doc, value, (*kpath, j), item)
                if name is None:
                    continue
                if name in into:
                    other = into[name]
                    doc.at((*kpath, j), f"'{name}' is already listed under '{other[0]}' at "
                           f"{self._where(other[1], other[2])}")
                else:
                    into[name] = (str(key), doc, (*kpath, j))

    def _outside(self, doc: _Doc, data: Any, path: Path_) -> None:
        for j, place in enumerate(self._list(doc, data, path, "outside")):
            name = self._str(doc, place, (*path, j), "a place outside the region")
            if name is not None:
                self.outside.append((name, doc, (*path, j)))

    def _localities(self, doc: _Doc, data: Any, path: Path_) -> None:
        self._listed_under(doc, data, path, "localities", "the localities of '{}'", "a locality (Ortsteil)",
                           self.localities)

    def _official(self, town: str) -> str:
        """The official name of a municipality written as its official or short name."""
        return town if town in self.region else next((p for p in self.region if short_name(p) == town), town)

    def _people(self, doc: _Doc, data: Any, path: Path_) -> None:
        for j, person in enumerate(self._list(doc, data, path, "people")):
            name = self._str(doc, person, (*path, j), "a person's name")
            if name is not None:
                self.people.append((name, doc, (*path, j)))

    def _merge_learned(self) -> None:
        """Add taught examples to their intents (after all files are read)."""
        index = {intent.id: i for i, (intent, _, _) in enumerate(self.intents)}
        for ident, lang, text, doc, path in self.learned:
            if ident not in index:
                doc.at(path[:-2], f"learned examples for intent '{ident}', which does not exist"
                       f"{did_you_mean(ident, list(index))}", key=True)
                continue
            intent, idoc, ipath = self.intents[index[ident]]
            examples = {**intent.examples, lang: (*intent.examples.get(lang, ()), text)}
            self.intents[index[ident]] = (replace(intent, examples=examples), idoc, ipath)
            self._learned_at[(ident, lang, len(examples[lang]) - 1)] = (doc, path)

    def _timeline(self, doc: _Doc, data: Any, path: Path_) -> None:
        for i, value in enumerate(self._list(doc, data, path, "timeline")):
            tpath = (*path, i)
            if not self._keys(doc, value, tpath, TIMELINE_KEYS, "a timeline entry"):
                continue
            ident = self._id(doc, value.get("id"), (*tpath, "id"), "a timeline entry")
            what = f"timeline entry '{ident}'"
            date = None
            if value.get("date") is not None:
                try:
                    date = PartialDate.parse(str(value["date"]))
                except ValueError as exc:
                    doc.at((*tpath, "date"), f"bad date in {what}: {exc}")
            link = value.get("link")
            if link is not None and not (isinstance(link, str) and link.startswith(("http://", "https://"))):
                doc.at((*tpath, "link"), f"the link of {what} must start with https://")
                link = None
            title = self._texts(doc, value.get("title"), (*tpath, "title"), f"the title of {what}")
            text = self._texts(doc, value.get("text"), (*tpath, "text"), f"the text of {what}")
            if ident:
                self.timeline.append((TimelineEntry(ident, title, text, date, link), doc, tpath))

    # --- cross-file checks ---------------------------------------------------------------
    @staticmethod
    def _where(doc: _Doc, path: Path_) -> str:
        line, col = doc.position(path)
        return f"{doc.file}:{line}:{col}"

    def finish(self, docs: list[_Doc], version: str) -> Knowledge | None:
        seen_ids: dict[str, tuple[_Doc, Path_]] = {}
        for intent, doc, path in self.intents:
            if intent.id in seen_ids:
                doc.at((*path, "id"), f"intent id '{intent.id}' is used twice; the other is at "
                       f"{self._where(*seen_ids[intent.id])}")
            else:
                seen_ids[intent.id] = (doc, (*path, "id"))
        for folded, (name, doc, path) in self.spelling_keys.items():
            if folded in self.variants and self.variants[folded][0] != folded:
                # the bot rewrites each word once: "toletzt" -> "zuletzt" would stop there
                other, odoc, opath = self.variants[folded]
                doc.at(path, f"'{name}' is itself another way to write '{other}' ({self._where(odoc, opath)}); "
                       f"put its spellings under '{other}'", key=True)
        self._learned_at: dict[tuple[str, str, int], tuple[_Doc, Path_]] = {}
        self._merge_learned()
        self._merge_answers()
        # (folded all at once; the matcher reuses them. The same folded words are the same example.)
        keys = [t.folded for t in tokenize_examples(
            text for intent, _, _ in self.intents for items in intent.examples.values() for text in items)]
        if not all(keys) or len(set(keys)) < len(keys):  # (mostly not: then each is checked, and where)
            self._check_examples()
        timeline_ids: dict[str, tuple[_Doc, Path_]] = {}
        last_date: tuple[PartialDate, TimelineEntry] | None = None
        for step, doc, path in self.timeline:
            if step.id in timeline_ids:
                doc.at((*path, "id"), f"timeline id '{step.id}' is used twice; the other is at "
                       f"{self._where(*timeline_ids[step.id])}")
            timeline_ids.setdefault(step.id, (doc, (*path, "id")))
            if step.date:
                if last_date and step.date.start < last_date[0].start:
                    doc.at((*path, "date"), f"timeline entry '{step.id}' ({step.date.label('en')}) comes after "
                           f"'{last_date[1].id}' ({last_date[0].label('en')}) but is older; the timeline is "
                           "kept oldest first")
                last_date = (step.date, step)
        towns = {m for g, _, _ in self.groups.values() for m in g.members}
        for town, (_names, doc, path) in self.aliases.items():
            if town not in towns:
                doc.at(path, f"alias for '{town}', which is in no group{did_you_mean(town, sorted(towns))}", key=True)
        fact_texts = [t for texts, _, _ in self.facts.values() for t in texts.values()]
        if self.not_covered:
            example_words = set(chain.from_iterable(keys))
            for subject, (_, doc, path) in self.not_covered.items():
                if set(tokenize_example(subject).folded) <= example_words:
                    doc.at(path, f"'{subject}' is a word of the examples, so the knowledge covers it; a subject "
                           "under 'not_covered' must be one no example uses", key=True)
        for name, doc, path in self.people:
            if not any(name in text for text in fact_texts):
                doc.at(path, f"'{name}' is named in no fact; list only people the facts name")
        for name, doc, path in self.outside:
            if name in self.region or name in {short_name(p) for p in self.region}:
                doc.at(path, f"'{name}' is a municipality of the region; remove it from 'outside'")
        if self.region:
            shorts = {short_name(p) for p in self.region} | set(self.region)
            outside = {name for name, _, _ in self.outside}
            for name, (town, doc, path) in self.localities.items():
                if town not in shorts:
                    doc.at(path[:-1], f"'{town}' is not a municipality of the region"
                           f"{did_you_mean(town, sorted(shorts))}; localities belong to one of them", key=True)
                elif name in shorts or name in outside:
                    doc.at(path, f"'{name}' is a municipality or a place of its own, not a locality of '{town}'")
            for gid, (group, doc, gpath) in self.groups.items():
                for i, town in enumerate(group.members):
                    names = {town, *self.aliases.get(town, ((),))[0]}
                    if shorts.isdisjoint(names):
                        doc.at((*gpath, "members", i), f"'{town}' (group '{gid}') is not a municipality of the "
                               f"region{did_you_mean(town, sorted(shorts))}; add it to 'region' or give it an "
                               "alias that is")
        for text, doc, path in self.texts:
            if "{" in text:
                self._check_placeholders(text, doc, path)
        for doc in docs:
            self.problems.extend(doc.problems)
        if self.problems:
            return None
        return Knowledge(
            intents=tuple(i for i, _, _ in self.intents),
            groups={gid: g for gid, (g, _, _) in self.groups.items()},
            facts={name: t for name, (t, _, _) in self.facts.items()},
            timeline=tuple(e for e, _, _ in self.timeline),
            aliases={town: names for town, (names, _, _) in self.aliases.items()},
            vocabulary=Vocabulary({c: tuple(v) for c, v in self.synonyms.items()}, tuple(self.chatter),
                                  {c: tuple(v) for c, (v, _, _) in self.not_covered.items()}),
            region={place: district for place, (district, _, _) in self.region.items()},
            outside=tuple(name for name, _, _ in self.outside),
            localities={name: self._official(town) for name, (town, _, _) in self.localities.items()},
            people=tuple(name for name, _, _ in self.people),
            version=version,
            sources=tuple(d.file for d in docs),
        )

    def _check_examples(self) -> None:
        """Each example belongs to one intent, and has letters or digits to match on."""
        examples: dict[tuple[str, ...], tuple[str, _Doc, Path_, str, int]] = {}
        learned_at = self._learned_at
        for intent, doc, path in self.intents:
            for lang, items in intent.examples.items():
                for j, text in enumerate(items):
                    key = tokenize_example(text).folded  # (the folded words: the same words, the same key)
                    entry = (intent.id, doc, path, lang, j)
                    first = examples.setdefault(key, entry) if key else entry
                    if key and first is entry:
                        continue
                    edoc, epath = learned_at.get((intent.id, lang, j)) or (doc, (*path, "examples", lang, j))
                    if not key:
                        edoc.at(epath, f"example '{text}' has no letters or digits to match on")
                        continue
                    other, odoc, opath, olang, oj = first
                    odoc, opath = learned_at.get((other, olang, oj)) or (odoc, (*opath, "examples", olang, oj))
                    where = "the same intent" if other == intent.id else f"intent '{other}'"
                    edoc.at(epath, f"example '{text}' is also an example of {where} "
                            f"({self._where(odoc, opath)}); an example may belong to one intent only")

    def _check_placeholders(self, text: str, doc: _Doc, path: Path_) -> None:
        for match in PLACEHOLDER.finditer(text):
            kind, name = match.group(1), match.group(2)
            ok = {
                "list": lambda n: n in self.groups,
                "count": lambda n: n in self.groups,
                "fact": lambda n: n in self.facts,
                "timeline": lambda n: n in TIMELINE_SLOTS,
                "topics": lambda n: n is None,
                "stories": lambda n: n is None,
            }.get(kind)
            if ok is None:
                doc.at(path, f"placeholder '{match.group()}' is unknown; use {{list:GROUP}}, {{count:GROUP}}, "
                       "{fact:NAME}, {timeline:overview|latest|next}, {topics} or {stories}")
            elif not ok(name):
                choices = {
                    "list": list(self.groups), "count": list(self.groups), "fact": list(self.facts),
                    "timeline": list(TIMELINE_SLOTS),
                }.get(kind, [])
                doc.at(path, f"placeholder '{match.group()}' refers to nothing: there is no {kind} "
                       f"'{name}'{did_you_mean(name or '', choices)}")


#: The files of the last load, parsed: (file name, digest of its text) -> (values, problems in them).
#: A reload after an edit parses again only the files that changed (at 100 times the shipped
#: knowledge, parsing the unchanged files would cost more than the rest of the reload).
_Parsed = dict[tuple[str, bytes], tuple[Any, tuple[Problem, ...]]]
_parsed: _Parsed = {}
_read_intents: _ReadIntents = {}


def forget_parsed() -> None:
    """Parse every file anew on the next load (a benchmark of the first start)."""
    _parsed.clear()
    _read_intents.clear()


def _parse(file: Path, text: str, builder: _Builder, parsed: _Parsed) -> _Doc:
    doc = _Doc(str(file), text)
    key = (str(file), hashlib.blake2b(text.encode(), digest_size=16).digest())  # (not the text: memory)
    doc.key = key
    seen = _parsed.get(key)
    if seen is not None:
        data, problems = seen
        doc.problems.extend(problems)
    else:
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            reason = exc.problem or exc.context or "invalid YAML"
            doc.problems.append(Problem(str(file), line, col, f"YAML syntax error: {reason}"))
            return doc
        except yaml.YAMLError as exc:
            doc.problems.append(Problem(str(file), 1, 1, f"YAML error: {exc}"))
            return doc
        if node is None:
            return doc
        doc._root = node
        data = doc.convert(node)
        problems = tuple(doc.problems)
    parsed[key] = (data, problems)
    builder.add(doc, data)  # (reads the values, never changes them: they are parsed once for many loads)
    return doc


@contextmanager
def paused_gc() -> Iterator[None]:
    """Building the index allocates many small objects that all stay alive; the cyclic
    garbage collector would only rescan them again and again (a third of the load time)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_texts(texts: Sequence[tuple[str, str]]) -> Knowledge:
    """Build knowledge from ``(file name, YAML text)`` pairs; raise KnowledgeError on problems."""
    with paused_gc():
        return _load_texts(texts)


def _load_texts(texts: Sequence[tuple[str, str]]) -> Knowledge:
    global _parsed, _read_intents
    builder = _Builder()
    parsed: _Parsed = {}
    docs = [_parse(Path(name), text, builder, parsed) for name, text in texts]
    _parsed, _read_intents = parsed, builder.read_intents
    knowledge = builder.finish(docs, version_of(texts))
    if knowledge is None:
        raise KnowledgeError(builder.problems)
    return knowledge


def load(paths: Iterable[str | Path]) -> Knowledge:
    """Load every knowledge file under ``paths``; raise KnowledgeError listing all problems."""
    files, problems = knowledge_files(paths)
    if problems:
        raise KnowledgeError(problems)
    return load_texts(read_texts(files))


def read_texts(files: Iterable[Path]) -> list[tuple[str, str]]:
    """(file name, text) of each file; raise KnowledgeError naming every unreadable one."""
    texts, problems = [], []
    for file in files:
        try:
            texts.append((str(file), file.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(file), 0, 0, f"cannot read this file: {exc}"))
    if problems:
        raise KnowledgeError(problems)
    return texts


def version_of(texts: Sequence[tuple[str, str]]) -> str:
    """Identifies one version of the files; becomes ``Knowledge.version``."""
    digest = hashlib.sha256()
    for name, text in texts:
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()[:12]


def check(paths: Iterable[str | Path]) -> list[Problem]:
    """All problems in the knowledge files under ``paths`` (empty when they are clean)."""
    try:
        load(paths)
    except KnowledgeError as exc:
        return list(exc.problems)
    return []
