"""Who may run staff and moderator commands: members holding one of the configured roles."""

from __future__ import annotations

from collections.abc import Iterable


def has_any_role(member_roles: Iterable[int], allowed: Iterable[int]) -> bool:
    """True when the member holds one of ``allowed``; nobody qualifies when none is configured."""
    allowed_set = set(allowed)
    return bool(allowed_set) and any(role in allowed_set for role in member_roles)
