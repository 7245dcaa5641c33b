"""The kiosk's one palette, in two themes, and the contrast arithmetic that keeps it readable.

Colours are named by use, not by hue, so the stylesheet and the painted list rows ask for
"ink on surface" and both themes stay consistent. This module is free of Qt so the contrast
rules can be checked anywhere.
"""

from __future__ import annotations

# Warm paper, dark brown ink and a deep teal: calm, not clinical, never stock grey.
WARM: dict[str, str] = {
    "bg": "#FAF6EF",
    "surface": "#FFFFFF",
    "surface_alt": "#F1E9DC",
    "ink": "#2A2420",
    "muted": "#5E554D",
    "line": "#B9A994",
    "primary": "#245B57",
    "on_primary": "#FFFFFF",
    "pressed": "#E8DCC9",
    "crisis_bg": "#FBE7DA",
    "crisis_ink": "#6B2A10",
    "open_bg": "#DDF0E2",
    "open_ink": "#1E5631",
    "closed_bg": "#F4E1D8",
    "closed_ink": "#7D3518",
    "chip_bg": "#E6ECF4",
    "chip_ink": "#2A4770",
    "focus": "#B5651D",
    "overlay": "#3A322C",  # opaque: whoever walks up next sees nothing of the visit
}

# White and yellow on black, with every edge drawn.
HIGH_CONTRAST: dict[str, str] = {
    "bg": "#000000",
    "surface": "#000000",
    "surface_alt": "#141414",
    "ink": "#FFFFFF",
    "muted": "#E8E8E8",
    "line": "#FFFFFF",
    "primary": "#FFE14D",
    "on_primary": "#000000",
    "pressed": "#333333",
    "crisis_bg": "#000000",
    "crisis_ink": "#FFE14D",
    "open_bg": "#000000",
    "open_ink": "#8CF5A8",
    "closed_bg": "#000000",
    "closed_ink": "#FFB59A",
    "chip_bg": "#000000",
    "chip_ink": "#BFE0FF",
    "focus": "#FFE14D",
    "overlay": "#000000",
}

# Every (text, background) pair the screens draw.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "bg"), ("ink", "surface"), ("ink", "surface_alt"), ("ink", "pressed"),
    ("muted", "bg"), ("muted", "surface"), ("muted", "surface_alt"),
    ("on_primary", "primary"), ("crisis_ink", "crisis_bg"), ("open_ink", "open_bg"),
    ("closed_ink", "closed_bg"), ("chip_ink", "chip_bg"),
)

AA_TEXT = 4.5


def colors(high_contrast: bool) -> dict[str, str]:
    return HIGH_CONTRAST if high_contrast else WARM


def rgb(hex_color: str) -> tuple[int, int, int]:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(color: tuple[int, int, int]) -> float:
    """WCAG 2 relative luminance of an sRGB colour."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
