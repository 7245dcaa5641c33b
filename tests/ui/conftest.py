"""The visitor screens' tests use the window of tests/windows.py over tests/ui/fixture."""
