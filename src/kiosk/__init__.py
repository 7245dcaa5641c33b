"""An offline touchscreen kiosk that helps visitors find local help."""

import logging

__version__ = "0.1.0"

# Messages go to the kiosk's log file once `kiosk.logs.setup_logging` has run, and nowhere
# else: a command prints its own one sentence, never Python's bare log lines.
logging.getLogger("kiosk").addHandler(logging.NullHandler())
