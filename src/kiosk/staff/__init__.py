"""What staff do to the kiosk's data, free of Qt: PIN, history and revert, form checks,
the entries list and the usage report. The admin screens (`kiosk.admin`) only show it."""
