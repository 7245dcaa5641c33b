"""QR codes that put a number on a visitor's own phone (`tel:` / `sms:`), drawn as PNG.

`segno` is imported only when a code is drawn, never at start-up.
"""

from __future__ import annotations

import functools
import io

from kiosk import per_visit


def qr_png(uri: str, scale: int = 8, border: int = 2, dark: str = "#000000",
           light: str = "#ffffff") -> bytes:
    """A PNG of the QR code for `uri`, `scale` pixels per module."""
    import segno

    out = io.BytesIO()
    segno.make(uri, error="m", micro=False).save(out, kind="png", scale=scale, border=border,
                                                 dark=dark, light=light)
    return out.getvalue()


@per_visit.forgotten
@functools.lru_cache(maxsize=1024)
def qr_modules(uri: str) -> tuple[bytes, ...]:
    """The code's modules, a row of bytes per line (1 is dark), for drawing it at any size
    without resampling.

    Kept per link: the same numbers are shown and printed again and again, and working out
    a code's best mask is the slowest step of drawing it."""
    import segno

    matrix = segno.make(uri, error="m", micro=False).matrix
    return tuple(bytes(1 if cell else 0 for cell in row) for row in matrix)  # 1 byte a module
