"""Free text rewritten for the ear: what a voice would stumble on becomes words."""

from __future__ import annotations

import pytest

from kiosk.speech.plain import speakable, street


@pytest.mark.parametrize(("written", "said"), [
    ("Open 24/7.", "Open twenty-four hours a day, seven days a week."),
    ("Call 1-800-656-4673.", "Call one, eight zero zero, six five six, four six seven three."),
    ("Call (860) 456-2261 ext. 12.",
     "Call eight six zero, four five six, two two six one, extension one two."),
    ("Text HELP to 233733.", "Text HELP to two three three, seven three three."),
    ("Dial 2-1-1 or 988.", "Dial two one one or nine eight eight."),
    ("Mon-Fri 9am-5pm", "Monday to Friday 9 A M to 5 P M"),
    ("Sat 10 a.m. to 2 p.m.", "Saturday 10 A M to 2 P M"),
    ("9:00-17:00", "9 A M to 5 P M"),
    ("12 Main St., Hartford, CT 06105", "12 Main Street, Hartford, Connecticut zero six one "
                                       "zero five"),
    ("St. Francis Hospital on Park Ave.", "Saint Francis Hospital on Park Avenue"),
    ("Ask for Dr. Lee at 5 Oak Dr.", "Ask for Doctor Lee at 5 Oak Drive"),
    ("DCF and DMHAS can help.", "D.C.F and D.M.H.A.S can help."),
    ("STI and HIV testing, PrEP.", "S.T.I and H.I.V testing, prep."),
    ("Free SNAP help for LGBTQ+ youth", "Free SNAP help for L.G.B.T.Q plus youth"),
    ("It costs $20, we had 2026 visits.", "It costs $20, we had 2026 visits."),
    ("The Sun is out and we wed on Sat.", "The Sun is out and we wed on Sat."),
    ("CGS § 53a-82", "C.G.S section 53a-82"),
])
def test_english(written: str, said: str) -> None:
    assert speakable(written, "en") == said


@pytest.mark.parametrize(("written", "said"), [
    ("Abierto 24/7.", "Abierto las veinticuatro horas, los siete días de la semana."),
    ("Llame al (860) 456-2261, ext. 12.",
     "Llame al ocho seis cero, cuatro cinco seis, dos dos seis uno, extensión uno dos."),
    ("Llame al 1-888-373-7888.",
     "Llame al uno, ocho ocho ocho, tres siete tres, siete ocho ocho ocho."),
    ("lun.-vie. 9 a. m.-5 p. m.", "de lunes a viernes de 9 de la mañana a 5 de la tarde"),
    ("Pruebas de ITS y VIH.", "Pruebas de I.T.S y V.I.H."),
    ("Pregunte por la Dra. Ruiz.", "Pregunte por la doctora Ruiz."),
    ("Hartford, CT 06105", "Hartford, Connecticut cero seis uno cero cinco"),
    ("CGS § 53a-82", "C.G.S sección 53a-82"),
])
def test_spanish(written: str, said: str) -> None:
    assert speakable(written, "es") == said


def test_street_lines_spell_out_their_abbreviations() -> None:
    assert street("12 Main St, Apt 3", "en") == "12 Main Street, apartment 3"
    assert street("400 E Main St.", "en") == "400 East Main Street"
    assert street("15 N Ct #2", "es") == "15 North Court número 2"
    assert street("E St", "en") == "E Street"


def test_hostile_text_is_rewritten_quickly_and_whole() -> None:
    text = ("(860) 456-2261 " * 2000) + ("9am-5pm Mon-Fri " * 2000) + ("x" * 100_000)
    said = speakable(text, "en")
    assert said.count("eight six zero") == 2000 and said.endswith("x" * 100)
