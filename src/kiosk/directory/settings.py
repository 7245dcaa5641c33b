"""The kiosk's settings, kept in its database with a default for every one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kiosk.directory.store import Store


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("location_name", "", str),  # shown on printed sheets: "Windham Drop-in Centre"
    Setting("town", "Windham", str),  # "near this kiosk"
    Setting("county", "Windham", str),
    Setting("default_lang", "en", str),
    Setting("idle_timeout_s", 90.0, float),
    Setting("still_there_s", 15.0, float),
    Setting("printer", "", str),  # a CUPS queue name; empty means no printer
    Setting("paper", "letter", str),
    Setting("discreet_default", True, bool),
    Setting("high_contrast_default", False, bool),
    Setting("text_size_default", 0, int),  # 0, 1, 2: the steps of kiosk.ui.theme.TEXT_SCALES
    Setting("stale_days", 180, int),
    Setting("update_folder", "", str),
    Setting("trusted_key", "", str),  # the publisher's Ed25519 public key (PEM)
    Setting("admin_lock_s", 120.0, float),  # the admin screen locks itself when untouched
    Setting("speech_volume", 80, int),  # Read aloud, in percent of the voice's full loudness
)}


class Settings:
    """Typed access to the `settings` table; unknown keys are a programming error."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        row = self.store.db.execute("select value from settings where key = ?", [key]).fetchone()
        if row is None:
            return setting.default
        return setting.kind(json.loads(row[0]))

    def set(self, key: str, value: Any) -> None:
        setting = SETTINGS[key]
        self.store.db.execute(
            "insert into settings (key, value) values (?, ?) "
            "on conflict(key) do update set value = excluded.value",
            [key, json.dumps(setting.kind(value))])

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SETTINGS}

    # Values kept in the same table that are not staff-editable settings (PIN hash, lockout).
    def get_raw(self, key: str, default: Any = None) -> Any:
        row = self.store.db.execute("select value from settings where key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set_raw(self, key: str, value: Any) -> None:
        self.store.db.execute(
            "insert into settings (key, value) values (?, ?) "
            "on conflict(key) do update set value = excluded.value",
            [key, json.dumps(value)])
