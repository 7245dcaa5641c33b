"""The visitor's screens: Qt widgets over the Qt-free directory core."""
