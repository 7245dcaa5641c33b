"""What a screen says when a visitor taps Read aloud, in the order a listener needs it.

A place: its name, what they offer (and who can go, what it costs, the languages, privacy),
how to reach them (numbers, address, how to go), the hours, and when staff last checked it.
A topic: its title, summary and paragraphs, then the places it names with their numbers.
The Help right now strip: its title and note, then each line with its number.

A text the directory has only in English is said by the English voice even when the visitor
chose Spanish (the screen shows it in English too), so a `Script` is a list of parts, each
with its language. The visor screens and `kiosk speak` build scripts with the same functions,
so a WAV written by `kiosk speak` holds exactly what the button says.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kiosk.directory.model import Address, LocalText, Phone, Resource, Topic
from kiosk.i18n import QT_TRANSLATE_NOOP
from kiosk.speech import language
from kiosk.speech.plain import speakable, street
from kiosk.speech.words import SpeechWords

EMERGENCY = "911"


@dataclass(frozen=True, slots=True)
class Part:
    lang: str
    text: str


@dataclass(frozen=True, slots=True)
class Script:
    """Sentences to say; `lang` is the visitor's language."""

    lang: str
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.parts)

    def runs(self) -> list[Part]:
        """Neighbouring parts in the same language joined: one voice run each."""
        out: list[Part] = []
        for part in self.parts:
            if out and out[-1].lang == part.lang:
                out[-1] = Part(part.lang, f"{out[-1].text} {part.text}")
            else:
                out.append(part)
        return out

    def __bool__(self) -> bool:
        return bool(self.parts)


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(",;:")
    if text and text[-1] not in ".!?":
        text += "."
    return text


class _Builder:
    def __init__(self, lang: str) -> None:
        self.lang = language.lang_of(lang)
        self.words = SpeechWords(self.lang)
        self.parts: list[Part] = []

    def fixed(self, source: str, *args: str) -> str:
        """A fixed phrase in the visitor's language, with %1, %2... filled in."""
        text = self.words.text(source)
        for i, arg in enumerate(args, 1):
            text = text.replace(f"%{i}", arg)
        return text

    def local_lang(self, text: LocalText) -> str:
        """The language `text` is shown in (English when it has no Spanish)."""
        return "es" if self.lang == "es" and text.es else "en"

    def say(self, text: str, lang: str | None = None) -> None:
        lang = lang or self.lang
        sentence = _sentence(speakable(text, lang))
        if sentence:
            self.parts.append(Part(lang, sentence))

    def add(self, text: str, lang: str | None = None) -> None:
        """Words already fit for a voice (numbers said as words, a text keyword as typed)."""
        sentence = _sentence(text)
        if sentence:
            self.parts.append(Part(lang or self.lang, sentence))

    def say_local(self, text: LocalText, title: str = "") -> None:
        """Directory text, in the language it is shown in; `title` is said before it in the
        visitor's language."""
        if not text:
            return
        lang = self.local_lang(text)
        if title and lang == self.lang:
            self.add(f"{title} {speakable(text.get(self.lang), lang)}")
            return
        if title:
            self.say(title)
        self.say(text.get(self.lang), lang)

    def script(self) -> Script:
        return Script(self.lang, tuple(self.parts))


# -- a place ------------------------------------------------------------------------------

_KINDS = {
    "voice": QT_TRANSLATE_NOOP("Speech", "Call"),
    "hotline": QT_TRANSLATE_NOOP("Speech", "Call, day or night"),
    "text": QT_TRANSLATE_NOOP("Speech", "Text"),
    "tty": QT_TRANSLATE_NOOP("Speech", "TTY"),
}
_COSTS = {
    "free": QT_TRANSLATE_NOOP("Speech", "free"),
    "sliding_scale": QT_TRANSLATE_NOOP("Speech", "pay what you can"),
    "insurance": QT_TRANSLATE_NOOP("Speech", "insurance accepted"),
    "fee": QT_TRANSLATE_NOOP("Speech", "there is a fee"),
}
_LANGUAGES = {"en": QT_TRANSLATE_NOOP("Speech", "English"),
              "es": QT_TRANSLATE_NOOP("Speech", "Spanish")}
_ACCESS = {
    "walk_in": QT_TRANSLATE_NOOP("Speech", "walk in, no appointment needed"),
    "appointment": QT_TRANSLATE_NOOP("Speech", "by appointment"),
    "call_first": QT_TRANSLATE_NOOP("Speech", "call first"),
    "outreach": QT_TRANSLATE_NOOP("Speech", "they can come to you"),
}


def _digits_of(text: str) -> str:
    return re.sub(r"\D", "", text)


def number_words(phone: Phone, b: _Builder) -> str:
    """One number as it is said: "eight six zero, ...", "Text HELP to two three three..."."""
    number = language.phone(phone.display or phone.number, b.lang, phone.extension)
    if phone.kind == "text" and phone.message:
        return b.fixed(QT_TRANSLATE_NOOP("Speech", "Text %1 to %2"), phone.message, number)
    return number


def _say_labelled(b: _Builder, label: str, label_lang: str, phone: Phone) -> None:
    """ "Front desk: eight six zero, ..."; a label that already gives the number ("Text HELP
    to 233733") is said alone. A label in the other language is said by its own voice."""
    number_digits = _digits_of(phone.display or phone.number)
    if number_digits and number_digits in _digits_of(label):
        b.say(label, label_lang)
    elif label_lang == b.lang:
        b.add(f"{speakable(label, label_lang)}: {number_words(phone, b)}")
    else:
        b.say(label, label_lang)
        b.add(number_words(phone, b))


def address_words(address: Address, lang: str) -> str:
    """ "12 Main Street, Willimantic, Connecticut, zero six two two six"."""
    parts = [street(address.street, lang), address.town.strip()]
    state = "Connecticut" if address.state.strip().upper() in ("CT", "") else address.state
    parts.append(state)
    if address.zip:
        parts.append(language.digits(address.zip, lang))
    return ", ".join(p for p in parts if p)


def resource_script(r: Resource, lang: str, now: dt.datetime) -> Script:
    b = _Builder(lang)
    b.say_local(r.name)
    if r.organization and r.organization != r.name.en:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Run by %1."), r.organization))
    # What they offer
    b.say_local(r.description)
    b.say_local(r.eligibility, b.fixed(QT_TRANSLATE_NOOP("Speech", "Who can go:")))
    if r.cost:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Cost: %1."),
                      ", ".join(b.fixed(_COSTS[c]) if c in _COSTS else c for c in r.cost)))
    if r.languages:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Languages: %1."),
                      ", ".join(b.fixed(_LANGUAGES[x]) if x in _LANGUAGES else x
                                for x in r.languages)))
    b.say_local(r.confidentiality, b.fixed(QT_TRANSLATE_NOOP("Speech", "Privacy:")))
    # How to reach them
    for phone in r.phones:
        if phone.kind == "text" and phone.message and not phone.label:
            b.add(number_words(phone, b))
        elif phone.label:
            _say_labelled(b, phone.label.get(b.lang), b.local_lang(phone.label), phone)
        else:
            _say_labelled(b, b.fixed(_KINDS.get(phone.kind, _KINDS["voice"])), b.lang, phone)
        if phone.hours:
            b.say(phone.hours.get(b.lang), b.local_lang(phone.hours))
    if not r.phones:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "No phone number yet. Ask staff how to "
                                                  "reach them.")))
    if r.address:
        b.add(b.fixed(QT_TRANSLATE_NOOP("Speech", "Address: %1."),
                      address_words(r.address, b.lang)))
    elif r.area.statewide:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "They serve all of Connecticut.")))
    elif r.area.national:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "They serve the whole country.")))
    if r.access:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "How to go: %1."),
                      ", ".join(b.fixed(_ACCESS[a]) if a in _ACCESS else a for a in r.access)))
    # Hours
    if r.hours is not None:
        if r.hours.always:
            b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Open now. Open 24 hours, every day.")))
        else:
            b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Open now.")) if r.hours.is_open(now)
                  else b.fixed(QT_TRANSLATE_NOOP("Speech", "Closed now.")))
            b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Today: %1."),
                          language.today(r.hours, now.weekday(), b.lang)))
            b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Hours: %1."),
                          language.weekly(r.hours, b.lang)))
    b.say_local(r.hours_note)
    # When the facts were last checked
    if r.verified_on is not None:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Last checked by staff: %1."),
                      language.date(r.verified_on, b.lang)))
    else:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Not yet checked by staff: call first.")))
    return b.script()


# -- a topic ------------------------------------------------------------------------------

def paragraphs(body: str) -> list[str]:
    """Blank lines separate paragraphs; lines starting with "- " are list items (each said
    as a sentence of its own)."""
    out: list[str] = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n") if line.strip()]
        if not lines:
            continue
        if all(line.startswith("- ") for line in lines):
            out += [line[2:].strip() for line in lines]
        else:
            out.append(" ".join(lines))
    return out


def topic_script(t: Topic, related: Sequence[Resource], lang: str) -> Script:
    b = _Builder(lang)
    b.say_local(t.title)
    b.say_local(t.summary)
    body_lang = b.local_lang(t.body)
    for paragraph in paragraphs(t.body.get(b.lang)):
        b.say(paragraph, body_lang)
    if related:
        b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Places that can help:")))
        for r in related:
            main = r.main_phone
            name = r.name.get(b.lang)
            b.say(name, b.local_lang(r.name))
            if main is not None:
                b.add(number_words(main, b))
    return b.script()


# -- the Help right now strip -------------------------------------------------------------

def help_now_script(lines: Sequence[Resource], lang: str, *,
                    emergency: bool = False) -> Script:
    """The strip's title and note, then each line shown on it (`emergency`: the strip's own
    911 tile comes first)."""
    b = _Builder(lang)
    b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Help right now.")))
    b.say(b.fixed(QT_TRANSLATE_NOOP("Speech", "Free and private. Someone will answer, day "
                                              "and night.")))
    if emergency:
        b.add(b.fixed(QT_TRANSLATE_NOOP("Speech", "Emergency: %1."),
                      language.phone(EMERGENCY, b.lang)))
    for r in lines:
        main = r.main_phone
        if main is not None:
            b.say(r.name.get(b.lang), b.local_lang(r.name))
            b.add(number_words(main, b))
    return b.script()


# -- the admin's speaker test -------------------------------------------------------------

def speaker_test_script() -> Script:
    """A sentence in each voice, for staff checking the speaker and its volume."""
    return Script("en", (
        Part("en", "This is the kiosk speaking."),
        Part("es", "Habla el kiosco."),
    ))
