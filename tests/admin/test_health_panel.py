"""The Settings page shows the `kiosk doctor` checklist, and checks again on a tap."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.admin.entry import AdminShell
from kiosk.admin.health_panel import HealthPanel
from kiosk.ui.window import KioskWindow
from kiosk.updates import keys
from tests.admin.helpers import child, tap

SHOTS = Path("/tmp/kiosk-deploy-shots")


def rows(panel: HealthPanel) -> list[str]:
    model = panel.model
    return [str(model.data(model.index(i, 0))) for i in range(model.rowCount())]


def test_the_settings_page_shows_the_checklist(qtbot: QtBot, admin: AdminShell,
                                               window: KioskWindow, tmp_path: Path) -> None:
    admin.screen.go("settings")
    page = admin.screen.settings_page
    panel = page.findChild(HealthPanel, "health-panel")
    assert panel is not None
    qtbot.waitUntil(lambda: panel.model.rowCount() == 13, timeout=10_000)
    first = rows(panel)
    assert any(r.startswith("✓  Staff PIN: set.") for r in first)  # the fixture set one
    trusted = next(r for r in first if "Trusted key" in r)
    assert trusted.startswith("✗") and "Do this: kiosk bundle trust" in trusted
    assert "need attention" in panel.summary.text()
    # Staff fix one gap and check again.
    _, public = keys.generate(tmp_path / "k.pem")
    window.settings.set("trusted_key", public.read_text())
    tap(qtbot, child(page, "health-check-again"))
    assert next(r for r in rows(panel) if "Trusted key" in r).startswith("✓")
    SHOTS.mkdir(parents=True, exist_ok=True)
    panel.grab().save(str(SHOTS / "admin-health-panel.png"))
