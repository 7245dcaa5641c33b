"""The staff's admin screens: the PIN pad, entries, history, import, settings, usage.

The work itself (hashing, history, checks, reports) lives in the Qt-free `kiosk.staff`;
these modules only show it and pass on what staff tap.
"""
