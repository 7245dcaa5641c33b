"""Exchanging the directory with other systems: Open Referral HSDS in and out (no Qt)."""
