"""An information page: short paragraphs and list items, then the places it mentions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.directory.model import Resource, Topic
from kiosk.speech.script import Script, topic_script
from kiosk.ui.read_aloud import ReadAloud
from kiosk.ui.screen import Screen, ScreenContext
from kiosk.ui.theme import Theme
from kiosk.ui.widgets import (
    TileButton,
    clear_layout,
    reading_column,
    scrolling_page,
    text_label,
)


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


class TopicScreen(Screen):
    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.topic: Topic | None = None
        self.scroll_area = scrolling_page(self)
        self.body = reading_column(self.scroll_area)
        self.body.setSpacing(16)
        self.title = text_label(role="title")
        self.summary = text_label(role="subtitle")
        actions = QHBoxLayout()
        self.read_aloud = ReadAloud(ctx.speech, self.script, "read-aloud-topic")
        self.read_button = self.read_aloud.read_button
        actions.addWidget(self.read_aloud)
        actions.addStretch(1)
        self.text = QVBoxLayout()
        self.text.setSpacing(12)
        self.related_title = text_label(role="section")
        self.related = QVBoxLayout()
        self.related.setSpacing(10)
        self.paragraph_labels: list[QLabel] = []
        self.related_buttons: list[tuple[TileButton, Resource]] = []
        for item in (self.title, self.summary):
            self.body.addWidget(item)
        self.body.addLayout(actions)
        self.body.addLayout(self.text)
        self.body.addWidget(self.related_title)
        self.body.addLayout(self.related)
        self.body.addStretch(1)

    def enter(self, key: str = "") -> None:
        self.show_topic(key)

    def show_topic(self, slug: str) -> None:
        self.topic = self.ctx.store.topic(slug)
        self.ctx.speech.stop()
        self.rebuild()
        self.scroll_area.verticalScrollBar().setValue(0)

    def rebuild(self) -> None:
        """Build the widgets for `self.topic`: as many paragraph labels as the longer of
        its two languages needs, so `set_words` can change language on the same widgets."""
        clear_layout(self.text)
        clear_layout(self.related)
        self.paragraph_labels = []
        self.related_buttons = []
        self.read_aloud.refresh(self.theme.colors["ink"], self.theme.colors["surface"])
        t = self.topic
        if t is None:
            self.title.setText("")
            self.summary.hide()
            self.related_title.hide()
            return
        self.summary.setVisible(bool(t.summary))
        count = max(len(paragraphs(t.body.en)), len(paragraphs(t.body.es)))
        for _ in range(count):
            label = text_label(role="body")
            self.text.addWidget(label)
            self.paragraph_labels.append(label)
        related = self.ctx.store.resources(list(t.related), include_inactive=False)
        self.related_title.setVisible(bool(related))
        for r in related:
            button = TileButton(f"related-{r.id}", variant="row")
            button.clicked.connect(self._opener(r.id))
            self.related.addWidget(button)
            self.related_buttons.append((button, r))
        self.set_words()

    def set_words(self) -> None:
        t = self.topic
        if t is None:
            return
        lang = self.lang
        self.title.setText(t.title.get(lang))
        self.summary.setText(t.summary.get(lang))
        texts = paragraphs(t.body.get(lang))
        for i, label in enumerate(self.paragraph_labels):
            label.setText(texts[i] if i < len(texts) else "")
            label.setVisible(i < len(texts))
        for button, r in self.related_buttons:
            phone = r.main_phone.display if r.main_phone else ""
            name = r.name.get(lang)
            button.set_label(f"{name}\n{phone}" if phone else name, name)

    def _opener(self, rid: str) -> Callable[[], None]:
        return lambda: self.resource_wanted.emit(rid)

    def script(self) -> Script | None:
        """What Read aloud says for this topic (`kiosk speak --topic` says the same)."""
        if self.topic is None:
            return None
        related = self.ctx.store.resources(list(self.topic.related), include_inactive=False)
        return topic_script(self.topic, related, self.lang)

    def retranslate(self) -> None:
        self.read_aloud.retranslate()
        self.related_title.setText(self.tr("Places that can help"))
        self.set_words()

    def restyle(self, theme: Theme) -> None:
        self.theme = theme
        self.read_aloud.refresh(theme.colors["ink"], theme.colors["surface"])

    def reset(self) -> None:
        self.topic = None
        self.paragraph_labels = []
        self.related_buttons = []
        clear_layout(self.text)
        clear_layout(self.related)
        self.scroll_area.verticalScrollBar().setValue(0)
