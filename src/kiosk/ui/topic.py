"""An information page: short paragraphs and list items, then the places it mentions."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.directory.model import Topic
from kiosk.speech.script import Script, topic_script
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import (
    TileButton,
    clear_layout,
    reading_column,
    scrolling_page,
    text_label,
)

if TYPE_CHECKING:
    from kiosk.ui.window import KioskWindow


def paragraphs(body: str) -> list[str]:
    """Blank lines separate paragraphs; lines starting with "- " are list items."""
    out: list[str] = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            out += ["\u2022  " + line[2:].strip() for line in lines]
        else:
            out.append(" ".join(lines))
    return out


class TopicScreen(QWidget):
    def __init__(self, window: KioskWindow) -> None:
        super().__init__()
        self.window_ = window
        self.topic: Topic | None = None
        self.scroll_area = scrolling_page(self)
        self.body = reading_column(self.scroll_area)
        self.body.setSpacing(16)
        self.title = text_label(role="title")
        self.summary = text_label(role="subtitle")
        actions = QHBoxLayout()
        self.read_aloud = ReadAloud(window.speech, self.script, "read-aloud-topic")
        self.read_button = self.read_aloud.read_button
        actions.addWidget(self.read_aloud)
        actions.addStretch(1)
        self.text = QVBoxLayout()
        self.text.setSpacing(12)
        self.related_title = text_label(role="section")
        self.related = QVBoxLayout()
        self.related.setSpacing(10)
        for item in (self.title, self.summary):
            self.body.addWidget(item)
        self.body.addLayout(actions)
        self.body.addLayout(self.text)
        self.body.addWidget(self.related_title)
        self.body.addLayout(self.related)
        self.body.addStretch(1)

    def show_topic(self, slug: str) -> None:
        self.topic = self.window_.store.topic(slug)
        self.window_.speech.stop()
        self.rebuild()
        self.scroll_area.verticalScrollBar().setValue(0)

    def rebuild(self) -> None:
        clear_layout(self.text)
        clear_layout(self.related)
        self.read_aloud.refresh(self.window_.theme.colors["ink"],
                                self.window_.theme.colors["surface"])
        t = self.topic
        lang = self.window_.lang
        if t is None:
            self.title.setText("")
            self.summary.hide()
            self.related_title.hide()
            return
        self.title.setText(t.title.get(lang))
        self.summary.setText(t.summary.get(lang))
        self.summary.setVisible(bool(t.summary))
        for paragraph in paragraphs(t.body.get(lang)):
            self.text.addWidget(text_label(paragraph, role="body"))
        related = self.window_.store.resources(list(t.related), include_inactive=False)
        self.related_title.setVisible(bool(related))
        for r in related:
            phone = r.main_phone.display if r.main_phone else ""
            button = TileButton(f"related-{r.id}", variant="row")
            button.set_label(f"{r.name.get(lang)}\n{phone}" if phone else r.name.get(lang),
                             r.name.get(lang))
            button.clicked.connect(self._opener(r.id))
            self.related.addWidget(button)

    def _opener(self, rid: str) -> Callable[[], None]:
        return lambda: self.window_.open_resource(rid)

    def script(self) -> Script | None:
        """What Read aloud says for this topic (`kiosk speak --topic` says the same)."""
        if self.topic is None:
            return None
        related = self.window_.store.resources(list(self.topic.related),
                                               include_inactive=False)
        return topic_script(self.topic, related, self.window_.lang)

    def retranslate(self) -> None:
        self.read_aloud.retranslate()
        self.related_title.setText(self.tr("Places that can help"))
        self.rebuild()

    def restyle(self, theme: Theme) -> None:
        self.read_aloud.refresh(theme.colors["ink"], theme.colors["surface"])

    def reset(self) -> None:
        self.topic = None
        clear_layout(self.text)
        clear_layout(self.related)
        self.scroll_area.verticalScrollBar().setValue(0)
