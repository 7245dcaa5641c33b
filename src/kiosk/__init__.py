"""An offline touchscreen kiosk that helps visitors find local help."""

__version__ = "0.1.0"
