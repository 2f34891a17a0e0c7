"""The knowledge base as plain data: what the loader builds and the answerer reads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

Texts = dict[str, str]  # language code -> text


@dataclass(frozen=True)
class Group:
    """A named list of towns, e.g. the Mitmacherkommunen; the one place a list lives."""

    id: str
    name: Texts
    role: Texts
    members: tuple[str, ...]


@dataclass(frozen=True)
class Intent:
    id: str
    title: Texts
    examples: dict[str, tuple[str, ...]]
    answer: Texts
    handler: str | None = None
    listed: bool = True  # shown in the help's topic list
    facets: dict[str, Texts] = field(default_factory=dict)  # question type -> short answer ("who", "how_many")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"'{text}' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year = int(parts[0])
        if len(parts[0]) != 4:
            raise ValueError(f"'{text}': the year needs four digits")
        month = int(parts[1]) if len(parts) > 1 else None
        day = int(parts[2]) if len(parts) > 2 else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"'{text}': there is no month {month}")
        if day is not None:
            dt.date(year, month or 1, day)  # raises ValueError for 2027-02-30
        return cls(year, month, day)

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def label(self, lang: str) -> str:
        if self.day is not None:
            return f"{self.day:02d}.{self.month:02d}.{self.year}" if lang == "de" else self.start.isoformat()
        if self.month is not None:
            return f"{self.month:02d}/{self.year}"
        return str(self.year)


@dataclass(frozen=True)
class TimelineEntry:
    id: str
    title: Texts
    text: Texts
    date: PartialDate | None = None
    link: str | None = None
    time: str | None = None  # "18:00" for an announced event (the knowledge's own entries have none)


def short_name(place: str) -> str:
    """'Eslohe (Sauerland)' -> 'Eslohe': how people write an official name."""
    return place.split(" (", 1)[0].strip()


@dataclass(frozen=True)
class Vocabulary:
    """How people write, as moderators keep it (``vocabulary.yaml``): spelling, dialect, slang.

    ``synonyms`` maps a word or phrase the knowledge uses to the other ways people write it;
    ``chatter`` lists words and phrases that carry no question ("hömma", "lg", "kurze Frage");
    ``not_covered`` maps a subject the knowledge does not cover ("jobsuche") to the ways people ask
    about it ("job", "praktikum"): asking about it counts against a question as an unknown subject.
    """

    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    chatter: tuple[str, ...] = ()
    not_covered: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Knowledge:
    intents: tuple[Intent, ...]
    groups: dict[str, Group]
    facts: dict[str, Texts]
    timeline: tuple[TimelineEntry, ...]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    region: dict[str, str] = field(default_factory=dict)  # municipality (official name) -> district
    outside: tuple[str, ...] = ()  # well-known places outside the region
    localities: dict[str, str] = field(default_factory=dict)  # locality (Ortsteil) -> municipality (official)
    people: tuple[str, ...] = ()  # people the facts name ("Horst Seehofer")
    version: str = ""
    sources: tuple[str, ...] = ()

    def intent(self, intent_id: str) -> Intent | None:
        for intent in self.intents:
            if intent.id == intent_id:
                return intent
        return None

    @property
    def towns(self) -> tuple[str, ...]:
        """Every town named in any group, in first-seen order."""
        seen: dict[str, None] = {}
        for group in self.groups.values():
            for member in group.members:
                seen.setdefault(member, None)
        return tuple(seen)

    def place_of(self, town: str) -> str | None:
        """The official municipality a group member is (itself, or one of its aliases)."""
        if town in self.region:
            return town
        for name in (town, *self.aliases.get(town, ())):
            for place in self.region:
                if short_name(place) == name:
                    return place
        return None

    def groups_of(self, town: str) -> list[Group]:
        return [g for g in self.groups.values() if town in g.members]
