"""Shared fixtures: the shipped knowledge, loaded once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.answers import Answerer
from bot.loader import load
from bot.model import Knowledge

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture(scope="session")
def knowledge() -> Knowledge:
    return load([KNOWLEDGE])


@pytest.fixture(scope="session")
def answerer(knowledge: Knowledge) -> Answerer:
    return Answerer(knowledge, today=lambda: dt.date(2026, 11, 25))
