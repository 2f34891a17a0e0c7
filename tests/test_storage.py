"""The state file when several processes open it at once (the bot, a moderator's ``kb teach``)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from bot.storage import MIGRATIONS, Storage
from tests.conftest import ROOT

OPEN_AT = """
import sys, time
from bot.storage import Storage
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
Storage(sys.argv[2]).close()
"""


def test_processes_opening_a_new_state_file_at_once_all_start_and_migrate_once(tmp_path: Path) -> None:
    for round in range(3):  # the race is a matter of milliseconds: a few rounds, on a new file each
        path = tmp_path / f"bot{round}.sqlite3"
        start = time.time() + 1.5  # after every interpreter has imported the bot
        procs = [subprocess.Popen([sys.executable, "-c", OPEN_AT, str(start), str(path)], cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True) for _ in range(8)]
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0] * 8, "\n".join(errors)
        storage = Storage(path)
        assert storage.version == len(MIGRATIONS)
        tables = {r[0] for r in storage.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"unanswered", "stories", "events", "audit"} <= tables
        storage.close()
