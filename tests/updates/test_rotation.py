"""Bundles that say until when they are good, and keys that are rotated by a signed bundle."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.updates import bundle, keys
from tests.directory.helpers import directory_file, resource_yaml


@pytest.fixture
def old_key(tmp_path: Path) -> Path:
    return keys.generate(tmp_path / "keys" / "2025.pem")[0]


@pytest.fixture
def new_key(tmp_path: Path) -> Path:
    return keys.generate(tmp_path / "keys" / "2026.pem")[0]


@pytest.fixture
def kiosk(fresh_data_dir: Path, sample_dir: Path, old_key: Path) -> Store:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    Settings(store).set("trusted_key", keys.public_path(old_key).read_text())
    return store


def source(tmp_path: Path, number: str) -> Path:
    body = resource_yaml("clinic", "Clinic", "Clínica").replace("(860) 555-0100", number)
    return directory_file(tmp_path / f"src-{number[-4:]}", body)


def fingerprint_of(key: Path) -> str:
    return keys.fingerprints(keys.public_path(key).read_text())[0]


def notices(store: Store) -> list[tuple[str, str]]:
    return [(r[0], r[1]) for r in store.db.execute("select level, text from notices")]


def test_a_bundle_signed_by_the_old_key_hands_over_to_the_new_one(
        kiosk: Store, old_key: Path, new_key: Path, tmp_path: Path,
        fresh_data_dir: Path) -> None:
    handover = tmp_path / "v1.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0111"), old_key, handover, version=1,
                 announce=[keys.public_path(new_key)], retire=[fingerprint_of(old_key)])
    bundle.apply(kiosk, fresh_data_dir, handover)
    assert keys.fingerprints(Settings(kiosk).get("trusted_key")) == [fingerprint_of(new_key)]
    texts = [text for _level, text in notices(kiosk)]
    assert f"This kiosk now also trusts key {fingerprint_of(new_key)}, announced by key " \
           f"{fingerprint_of(old_key)}." in texts
    assert f"This kiosk no longer trusts key {fingerprint_of(old_key)}, retired by key " \
           f"{fingerprint_of(old_key)}." in texts
    # From now on the old key's bundles are refused and the new key's applied.
    stale = tmp_path / "v2-old.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0122"), old_key, stale, version=2)
    with pytest.raises(KnownError, match="signed by a key this kiosk does not trust"):
        bundle.apply(kiosk, fresh_data_dir, stale)
    fresh = tmp_path / "v2-new.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0133"), new_key, fresh, version=2)
    bundle.apply(kiosk, fresh_data_dir, fresh)
    clinic = kiosk.resource("clinic")
    assert clinic is not None and clinic.phones[0].number == "+18605550133"


def test_a_kiosk_trusts_several_keys_at_once(kiosk: Store, old_key: Path, new_key: Path,
                                            tmp_path: Path, fresh_data_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    kiosk.close()
    assert main(["bundle", "trust", str(keys.public_path(new_key))]) == 0
    assert main(["bundle", "keys"]) == 0
    listed = capsys.readouterr().out.splitlines()[-2:]
    assert listed == [fingerprint_of(old_key), fingerprint_of(new_key)]
    for version, key in ((1, old_key), (2, new_key)):
        made = tmp_path / f"v{version}.kiosk-bundle"
        bundle.build(source(tmp_path, f"(860) 555-01{version}0"), key, made, version=version)
        assert main(["bundle", "apply", str(made)]) == 0
    assert main(["bundle", "untrust", fingerprint_of(old_key)]) == 0
    assert main(["bundle", "keys"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == fingerprint_of(new_key)
    assert main(["bundle", "untrust", "0000 0000 0000 0000 0000"]) == 1
    assert "does not trust a key" in capsys.readouterr().err


def test_a_bundle_may_not_retire_every_key_without_announcing_one(
        kiosk: Store, old_key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    made = tmp_path / "v1.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0111"), old_key, made, version=1,
                 retire=[fingerprint_of(old_key)])
    with pytest.raises(KnownError, match="retires every key"):
        bundle.apply(kiosk, fresh_data_dir, made)
    assert keys.fingerprints(Settings(kiosk).get("trusted_key")) == [fingerprint_of(old_key)]
    assert bundle.applied_version(kiosk) == 0


def test_a_stranger_cannot_announce_a_key(kiosk: Store, new_key: Path, tmp_path: Path,
                                         fresh_data_dir: Path) -> None:
    made = tmp_path / "v1.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0111"), new_key, made, version=1,
                 announce=[keys.public_path(new_key)])
    with pytest.raises(KnownError, match="does not trust"):
        bundle.apply(kiosk, fresh_data_dir, made)
    assert len(keys.fingerprints(Settings(kiosk).get("trusted_key"))) == 1


def test_a_bundle_past_its_date_warns_staff(kiosk: Store, old_key: Path, tmp_path: Path,
                                            fresh_data_dir: Path) -> None:
    made_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=40)
    made = tmp_path / "v1.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0111"), old_key, made, version=1, now=made_at,
                 valid_days=30)
    assert bundle.expiry_warning(kiosk) is None  # no bundle yet: nothing to say
    bundle.apply(kiosk, fresh_data_dir, made)
    warning = bundle.expiry_warning(kiosk)
    assert warning is not None
    until = (made_at + dt.timedelta(days=30)).date().isoformat()
    assert warning.startswith(f"The newest update this kiosk has (version 1) was good until "
                              f"{until}, 10 days ago")
    assert ("warning", warning) in notices(kiosk)
    # A current bundle clears it.
    current = tmp_path / "v2.kiosk-bundle"
    bundle.build(source(tmp_path, "(860) 555-0122"), old_key, current, version=2)
    bundle.apply(kiosk, fresh_data_dir, current)
    assert bundle.expiry_warning(kiosk) is None
    until_2 = bundle.valid_until(kiosk)
    assert until_2 is not None
    assert 89 <= (until_2 - dt.datetime.now(dt.UTC)).days <= 90


def test_build_refuses_an_absurd_validity(old_key: Path, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="1 to 3660 days"):
        bundle.build(source(tmp_path, "(860) 555-0111"), old_key, tmp_path / "x.kiosk-bundle",
                     version=1, valid_days=0)
