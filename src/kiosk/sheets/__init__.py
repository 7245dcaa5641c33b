"""What goes on a printed sheet, decided without Qt.

A `Sheet` is plain data (title, date, one block per resource, footer) in the visitor's
language, already cleaned of sensitive words when it is discreet; `kiosk.printing` lays it
out on pages and prints it.
"""
