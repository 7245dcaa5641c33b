"""The kiosk's settings, kept in its database with a default for every one."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from kiosk.directory import state
from kiosk.directory.records import Record
from kiosk.directory.store import Store


@dataclass(frozen=True, eq=False, repr=False)
class Setting(Record):
    """One thing staff can set: its key, its value until set, and the type of its value."""

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


# Kept in the kiosk's state file (kiosk.directory.state), where restoring a backup of the
# database cannot roll them back; the settings' names for them still work.
IN_STATE = {"trusted_key": state.TRUSTED_KEY}
RAW_IN_STATE = (state.PIN_HASH, state.PIN_LOCKOUT, state.BUNDLE_PUBLISHER, state.KIOSK_ID)


class Settings:
    """Typed access to the `settings` table; unknown keys are a programming error."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, key: str) -> Any:
        setting = SETTINGS[key]
        if key in IN_STATE:
            return setting.kind(state.state_of(self.store).get(IN_STATE[key], setting.default))
        row = self.store.db.execute("select value from settings where key = ?", [key]).fetchone()
        if row is None:
            return setting.default
        return setting.kind(json.loads(row[0]))

    def set(self, key: str, value: Any) -> None:
        setting = SETTINGS[key]
        if key in IN_STATE:
            state.state_of(self.store).set(IN_STATE[key], setting.kind(value))
            return
        self.store.db.execute(
            "insert into settings (key, value) values (?, ?) "
            "on conflict(key) do update set value = excluded.value",
            [key, json.dumps(setting.kind(value))])

    def all(self) -> dict[str, Any]:
        return {key: self.get(key) for key in SETTINGS}

    # Values kept in the same table that are not staff-editable settings (PIN hash, lockout).
    def get_raw(self, key: str, default: Any = None) -> Any:
        if key in RAW_IN_STATE:
            return state.state_of(self.store).get(key, default)
        if key == state.BUNDLE_VERSION:
            return state.applied_version(self.store) or default
        row = self.store.db.execute("select value from settings where key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set_raw(self, key: str, value: Any) -> None:
        if key in RAW_IN_STATE:
            state.state_of(self.store).set(key, value)
            return
        # The bundle version is also written here, in the caller's transaction; the state
        # keeps the highest (state.record_applied, state.applied_version).
        self.store.db.execute(
            "insert into settings (key, value) values (?, ?) "
            "on conflict(key) do update set value = excluded.value",
            [key, json.dumps(value)])
