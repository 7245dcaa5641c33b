"""Signed directory updates, carried between kiosks on a USB stick or a synced folder."""
