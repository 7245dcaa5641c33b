"""`kiosk speak` writes what the button says, as a WAV someone can listen to."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.datadir import open_data_dir
from kiosk.speech import wav
from kiosk.speech.script import resource_script, topic_script
from tests.speech.test_engine import RMS_FLOOR

FIXTURE = Path(__file__).parents[1] / "ui" / "fixture"


def kiosk(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, KIOSK_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "kiosk", *args], capture_output=True,
                          text=True, timeout=60, env=env, check=False)


@pytest.fixture
def data_dir(fresh_data_dir: Path) -> Path:
    done = kiosk("import", str(FIXTURE), data_dir=fresh_data_dir)
    assert done.returncode == 0, done.stderr
    return fresh_data_dir


@pytest.mark.parametrize("lang", ["en", "es"])
def test_speak_writes_the_words_of_the_button(data_dir: Path, tmp_path: Path,
                                              lang: str) -> None:
    out = tmp_path / f"clinic-{lang}.wav"
    done = kiosk("speak", "--resource", "willimantic-clinic", "--lang", lang, "--out", str(out),
                 "--text", data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    store = open_data_dir(data_dir, fill=False)
    resource = store.resource("willimantic-clinic")
    assert resource is not None
    expected = resource_script(resource, lang, store.clock())
    assert done.stdout.splitlines() == [f"[{run.lang}] {run.text}" for run in expected.runs()]
    audio = wav.read(out.read_bytes())
    words = len(expected.text.split())
    assert words / 155 * 60 * 0.7 < audio.seconds < words / 155 * 60 * 1.6
    assert audio.rms() > RMS_FLOOR
    assert f"{out}: {audio.seconds:.1f} s of speech" in done.stderr


def test_speak_a_topic(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "rights.wav"
    done = kiosk("speak", "--topic", "your-rights", "--lang", "es", "--out", str(out), "--text",
                 data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    store = open_data_dir(data_dir, fill=False)
    topic = store.topic("your-rights")
    assert topic is not None
    related = store.resources(list(topic.related), include_inactive=False)
    assert done.stdout.splitlines() == [f"[{run.lang}] {run.text}" for run in
                                        topic_script(topic, related, "es").runs()]
    assert wav.read(out.read_bytes()).seconds > 5


@pytest.mark.parametrize(("args", "sentence"), [
    (["--resource", "no-such-place"], 'There is no resource "no-such-place".'),
    (["--topic", "no-such-topic"], 'There is no topic "no-such-topic".'),
])
def test_unknown_ids_get_a_sentence_and_no_file(data_dir: Path, tmp_path: Path,
                                                args: list[str], sentence: str) -> None:
    out = tmp_path / "x.wav"
    done = kiosk("speak", *args, "--out", str(out), data_dir=data_dir)
    assert done.returncode == 1 and done.stderr.strip() == sentence
    assert not out.exists()


def test_a_missing_folder_gets_a_sentence(data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "nowhere" / "x.wav"
    done = kiosk("speak", "--topic", "naloxone", "--out", str(out), data_dir=data_dir)
    assert done.returncode == 1 and done.stderr.strip() == \
        f"The folder {out.parent} does not exist."
