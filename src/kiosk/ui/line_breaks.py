"""Where a line of text on the screen may break, and where it must not.

Qt wraps a label's text at spaces only. Two things go wrong with that on a kiosk: a phone
number written "(888) 373-7888" can break at its space and be read as two numbers, and a
word longer than the label (a pasted address, a name typed without spaces) runs off the
edge, because there is nowhere to break it. So, before text is shown: the space inside a
phone number becomes a no-break space, and a word too long to be an ordinary word gets a
zero-width break opportunity between its letters, so that Qt breaks it at the edge.
"""

from __future__ import annotations

import re

NO_BREAK_SPACE = "\u00a0"
BREAK_OPPORTUNITY = "\u200b"  # zero width space: invisible, and a place a line may end
# Longer than any word of the directory's two languages ("Responsabilidades" is 17): a run of
# letters this long is an address, a code or junk, and may break anywhere.
LONG_WORD = 24

# "(860) 456-2261", "1 (800) 799-7233", "860 456 2261", "1-800-563-4086 ext. 12"
_PHONE = re.compile(r"(?:\+?1[\s-])?(?:\(\d{3}\)|\d{3})[\s-]\d{3}[\s-]\d{4}"
                    r"(?:\s(?:ext\.?|x)\s?\d{1,6})?")
_SPACES = re.compile(r"[ \t]")
_LONG = re.compile(rf"[^\s\u200b]{{{LONG_WORD + 1},}}")


def keep_together(text: str) -> str:
    """`text` with the spaces inside its phone numbers made unbreakable."""
    return _PHONE.sub(lambda m: _SPACES.sub(NO_BREAK_SPACE, m.group(0)), text)


def break_long_words(text: str) -> str:
    """`text` with a break opportunity between the letters of every word longer than
    `LONG_WORD` (ordinary words are left whole: they move to the next line instead)."""
    return _LONG.sub(lambda m: BREAK_OPPORTUNITY.join(m.group(0)), text)


def for_display(text: str) -> str:
    return break_long_words(keep_together(text))


def number(display: str) -> str:
    """A phone number (or any short code) as one unbreakable piece."""
    return _SPACES.sub(NO_BREAK_SPACE, display)


def plain(text: str) -> str:
    """The text as it was before `for_display` (for accessible names and comparisons)."""
    return text.replace(BREAK_OPPORTUNITY, "").replace(NO_BREAK_SPACE, " ")
