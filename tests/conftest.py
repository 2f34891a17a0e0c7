"""Shared fixtures: the shipped knowledge, loaded once per test session, and its index."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.answers import Answerer
from bot.loader import load
from bot.model import Knowledge
from bot.understanding.index import Index

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load([KNOWLEDGE])


@pytest.fixture(scope="module")
def index(knowledge: Knowledge) -> Index:
    """The shipped knowledge's index, built once per test module (its caches fill as a module runs)."""
    return Index(knowledge)


@pytest.fixture(scope="session")
def answerer(knowledge: Knowledge) -> Answerer:
    return Answerer(knowledge, today=lambda: dt.date(2026, 11, 25))
