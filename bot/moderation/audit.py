"""Who changed what, and when: every moderator and staff action, for the moderators to look back on.

An audit names the person (their Discord id and name): that is its purpose, and it holds only
actions of staff and moderators, never members' questions. Entries older than ``retention_days``
are removed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from bot.clock import BERLIN
from bot.storage import Storage


@dataclass(frozen=True)
class Entry:
    id: int
    at: dt.datetime
    actor_id: int
    actor_name: str
    action: str  # teach | reload | answer | topic | synonym | undo | event.create | event.edit | event.cancel | ...
    detail: str

    def line(self) -> str:
        """One short line, as posted in the moderators' channel and printed by ``python -m bot audit``."""
        when = self.at.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")
        return f"{when} · {self.actor_name} ({self.actor_id}) · {self.action} · {self.detail}"


class AuditLog:
    def __init__(self, storage: Storage, now: Callable[[], dt.datetime] | None = None, retention_days: int = 365):
        self.storage = storage
        self.now = now or (lambda: dt.datetime.now(dt.UTC))
        self.retention_days = retention_days

    def record(self, actor_id: int, actor_name: str, action: str, detail: str) -> Entry:
        at = self.now()
        with self.storage.transaction() as db:
            cursor = db.execute("INSERT INTO audit (at, actor_id, actor_name, action, detail) VALUES (?, ?, ?, ?, ?)",
                                (at.astimezone(dt.UTC).isoformat(), actor_id, actor_name[:100], action,
                                 detail[:500]))
            db.execute("DELETE FROM audit WHERE at < ?",
                       ((at - dt.timedelta(days=self.retention_days)).astimezone(dt.UTC).isoformat(),))
        return Entry(int(cursor.lastrowid or 0), at, actor_id, actor_name[:100], action, detail[:500])

    def recent(self, limit: int = 50, action: str | None = None) -> list[Entry]:
        """Newest first."""
        query = "SELECT id, at, actor_id, actor_name, action, detail FROM audit"
        params: tuple[object, ...] = ()
        if action:
            query += " WHERE action = ? OR action LIKE ?"
            params = (action, f"{action}.%")
        rows = self.storage.db.execute(query + " ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()
        return [Entry(r[0], dt.datetime.fromisoformat(r[1]), r[2], r[3], r[4], r[5]) for r in rows]
