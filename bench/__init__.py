"""Speed and scale measurements for the kiosk, run with `python3 -m bench`.

Separate from the tests: tests check the design that makes speed possible, this package
measures the speed itself on synthetic directories of 1,000 to 100,000 resources.
"""
