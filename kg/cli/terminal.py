"""What reaches the terminal: article text and paths only with their control characters shown escaped."""
from __future__ import annotations

import re

# Characters a terminal would act on rather than show: C0/C1 controls, DEL, and
# the bidirectional overrides that can reorder what a line appears to say.
_TERMINAL_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: each control character shown as its escape (``\\x1b``)."""
    return _TERMINAL_CONTROLS.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)

