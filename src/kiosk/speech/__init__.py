"""Reading a screen aloud, decided and voiced without Qt.

`script` works out the words a screen says, in a sensible order; `language` and `plain` turn
numbers, times and abbreviations into words a voice reads right (a phone number digit by
digit, "24/7" in words, "Mon-Fri" as "Monday to Friday"). `engine` turns words into a WAV in
memory, `player` plays a WAV and stops it at once, and `speaker` puts the two together for
the visitor screens. Nothing here writes what a visitor listened to anywhere: text goes to the
engine on its standard input and audio to the player on its standard input.
"""
