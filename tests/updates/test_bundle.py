"""Signed update bundles: applied when signed by the trusted key, refused in every other case."""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.datadir import open_data_dir
from kiosk.directory.files import read_directory
from kiosk.directory.settings import Settings
from kiosk.directory.store import Store
from kiosk.errors import KnownError
from kiosk.updates import bundle, keys
from tests.directory.helpers import directory_file, resource_yaml


@pytest.fixture
def key(tmp_path: Path) -> Path:
    private, _ = keys.generate(tmp_path / "keys" / "publisher.pem")
    return private


@pytest.fixture
def kiosk(fresh_data_dir: Path, sample_dir: Path, key: Path) -> Store:
    """A kiosk with the small sample directory that trusts `key`."""
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    Settings(store).set("trusted_key", keys.public_path(key).read_text())
    return store


def hotline_number(store: Store) -> str:
    hotline = store.resource("hotline")
    assert hotline is not None
    return hotline.phones[0].number


def update_source(tmp_path: Path, number: str = "(860) 555-0142", name: str = "u") -> Path:
    """A directory where the clinic's phone number is `number`."""
    body = resource_yaml("clinic", "Clinic", "Clínica").replace("(860) 555-0100", number)
    return directory_file(tmp_path / name, body)


def test_keygen_writes_a_private_key_for_its_owner_only_and_the_public_key_beside_it(
        tmp_path: Path) -> None:
    private, public = keys.generate(tmp_path / "k" / "KEY.pem")
    assert public == tmp_path / "k" / "KEY.pub.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in private.read_bytes() and b"PUBLIC KEY" in public.read_bytes()
    with pytest.raises(KnownError, match="never overwritten"):
        keys.generate(private)


def test_a_bundle_signed_by_the_trusted_key_is_applied_and_recorded(
        kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    source = update_source(tmp_path)
    made = bundle.build(source, key, tmp_path / "u1.kiosk-bundle", version=1,
                        publisher="Windham coordinator")
    assert made.manifest["counts"] == {"categories": 2, "resources": 1, "topics": 0}
    message = bundle.apply(kiosk, fresh_data_dir, tmp_path / "u1.kiosk-bundle")
    assert message.startswith("Update version 1 from Windham coordinator")
    assert kiosk.directory().resources == read_directory(source).resources
    assert bundle.applied_version(kiosk) == 1
    who = {r[0] for r in kiosk.db.execute("select who from changes")}
    assert who == {"update bundle Windham coordinator v1"}
    kind, backup = kiosk.db.execute(
        "select kind, backup from imports where kind = 'bundle'").fetchone()
    assert kind == "bundle" and Path(backup).exists()
    assert [r[0] for r in kiosk.db.execute("select text from notices")] == [message]


def test_a_kiosk_trusting_another_key_refuses_it_and_changes_nothing(
        kiosk: Store, tmp_path: Path, fresh_data_dir: Path) -> None:
    other, _ = keys.generate(tmp_path / "other" / "other.pem")
    bundle.build(update_source(tmp_path), other, tmp_path / "evil.kiosk-bundle", version=9)
    before = kiosk.directory()
    with pytest.raises(KnownError, match="signed by a key this kiosk does not trust"):
        bundle.apply(kiosk, fresh_data_dir, tmp_path / "evil.kiosk-bundle")
    assert kiosk.directory() == before
    assert bundle.applied_version(kiosk) == 0


def test_a_kiosk_that_trusts_no_key_applies_nothing(
        fresh_data_dir: Path, sample_dir: Path, key: Path, tmp_path: Path) -> None:
    store = open_data_dir(fresh_data_dir, bundled=sample_dir)
    bundle.build(update_source(tmp_path), key, tmp_path / "u.kiosk-bundle", version=1)
    with pytest.raises(KnownError, match="trusts no publisher key yet"):
        bundle.apply(store, fresh_data_dir, tmp_path / "u.kiosk-bundle")


def test_one_byte_changed_anywhere_is_refused(
        kiosk: Store, key: Path, tmp_path: Path, fresh_data_dir: Path) -> None:
    good = tmp_path / "good.kiosk-bundle"
    bundle.build(update_source(tmp_path, "(860) 555-0142"), key, good, version=5)
    data = good.read_bytes()
    before = kiosk.directory()
    positions = sorted({0, 5, len(bundle.MAGIC), len(bundle.MAGIC) + 40,
                        len(bundle.MAGIC) + 100, bundle.HEADER, bundle.HEADER + 30,
                        len(data) // 2, len(data) - 30, len(data) - 1,
                        *range(bundle.HEADER, len(data), max(1, len(data) // 40))})
    for at in positions:
        changed = bytearray(data)
        changed[at] ^= 0x01
        path = tmp_path / f"tampered-{at}.kiosk-bundle"
        path.write_bytes(bytes(changed))
        with pytest.raises(KnownError) as refused:
            bundle.apply(kiosk, fresh_data_dir, path)
        assert "not applied" in refused.value.message, at
    assert kiosk.directory() == before
    assert bundle.applied_version(kiosk) == 0
    bundle.apply(kiosk, fresh_data_dir, good)  # the untouched one still goes in
    assert bundle.applied_version(kiosk) == 5


def test_a_tampered_body_says_it_was_changed(kiosk: Store, key: Path, tmp_path: Path,
                                             fresh_data_dir: Path) -> None:
    good = tmp_path / "good.kiosk-bundle"
    bundle.build(update_source(tmp_path), key, good, version=5)
    changed = bytearray(good.read_bytes())
    changed[-10] ^= 0xFF
    good.write_bytes(bytes(changed))
    with pytest.raises(KnownError, match="changed after it was signed"):
        bundle.apply(kiosk, fresh_data_dir, good)


@pytest.mark.parametrize("keep", [0, 10, bundle.HEADER - 1, bundle.HEADER + 5, -1])
def test_a_truncated_bundle_is_refused(kiosk: Store, key: Path, tmp_path: Path,
                                       fresh_data_dir: Path, keep: int) -> None:
    good = tmp_path / "good.kiosk-bundle"
    bundle.build(update_source(tmp_path), key, good, version=5)
    data = good.read_bytes()
    good.write_bytes(data[:keep])
    with pytest.raises(KnownError, match=r"not applied|not a kiosk update bundle"):
        bundle.apply(kiosk, fresh_data_dir, good)
    if keep > 0 or keep == -1:
        with pytest.raises(KnownError, match=r"incomplete|cut short"):
            bundle.apply(kiosk, fresh_data_dir, good)


def test_an_unsigned_bundle_is_refused(kiosk: Store, tmp_path: Path,
                                       fresh_data_dir: Path) -> None:
    plain = tmp_path / "plain.kiosk-bundle"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("manifest.json", '{"format": "kiosk-bundle/1", "version": 99}')
        archive.write(update_source(tmp_path), "directory/d.yaml")
    with pytest.raises(KnownError, match="this is not signed"):
        bundle.apply(kiosk, fresh_data_dir, plain)


def test_an_older_or_the_same_version_is_refused(kiosk: Store, key: Path, tmp_path: Path,
                                                 fresh_data_dir: Path) -> None:
    bundle.build(update_source(tmp_path, "(860) 555-0142", "a"), key,
                 tmp_path / "v2.kiosk-bundle", version=2)
    bundle.build(update_source(tmp_path, "(860) 555-0177", "b"), key,
                 tmp_path / "v1.kiosk-bundle", version=1)
    bundle.apply(kiosk, fresh_data_dir, tmp_path / "v2.kiosk-bundle")
    after_v2 = kiosk.directory()
    for name in ("v1", "v2"):
        with pytest.raises(KnownError, match="is not newer than the version this kiosk "
                                             r"already has \(2\)"):
            bundle.apply(kiosk, fresh_data_dir, tmp_path / f"{name}.kiosk-bundle")
    assert kiosk.directory() == after_v2


def test_build_refuses_directory_files_with_problems(key: Path, tmp_path: Path) -> None:
    bad = directory_file(tmp_path / "bad", resource_yaml().replace("(860) 555-0100",
                                                                   "860-CALL-NOW"))
    with pytest.raises(KnownError, match=r"nothing was imported|problem"):
        bundle.build(bad, key, tmp_path / "x.kiosk-bundle", version=1)
    assert not (tmp_path / "x.kiosk-bundle").exists()


def test_command_line_steps(fresh_data_dir: Path, sample_dir: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    open_data_dir(fresh_data_dir, bundled=sample_dir).close()
    key = tmp_path / "k" / "KEY.pem"
    assert main(["bundle", "keygen", "--out", str(key)]) == 0
    source = update_source(tmp_path)
    out = tmp_path / "u.kiosk-bundle"
    assert main(["bundle", "build", str(source), "--key", str(key), "--out", str(out),
                 "--version", "3", "--publisher", "Region"]) == 0
    assert main(["bundle", "verify", str(out)]) == 1
    assert "trusts no publisher key" in capsys.readouterr().err
    assert main(["bundle", "trust", str(keys.public_path(key))]) == 0
    assert main(["bundle", "verify", str(out)]) == 0
    assert "newer than this kiosk's version (0)" in capsys.readouterr().out
    assert main(["bundle", "apply", str(out)]) == 0
    assert "was applied: 1 resources" in capsys.readouterr().out
    assert main(["bundle", "apply", str(out)]) == 1
    err = capsys.readouterr().err
    assert "not newer" in err and "Traceback" not in err
    assert main(["bundle", "trust", str(key)]) == 1  # the private key is not a public key
    assert "is not a public key" in capsys.readouterr().err
