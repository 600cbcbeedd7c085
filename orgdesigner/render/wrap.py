"""Line wrapping that never overflows: CJK breaks between characters, Latin between words.

Widths come from a measure function (the PDF font's metrics), so what fits
here fits on paper. A word wider than the line is broken between letters.
"""

from __future__ import annotations

import re
from typing import Callable

Measure = Callable[[str, float], float]

ELLIPSIS = "…"
FITS = 1 - 1e-9  # a text this much narrower than the line fits whatever order its widths add in
# Characters that may not start a line (closing punctuation), kept with the previous token.
_NO_START = set("，。、；：？！）》」』】〉,.;:?!)]}%…·")
_TOKEN = re.compile(
    r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\uac00-\ud7af\u3040-\u30ff]"  # CJK: one each
    r"|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\uac00-\ud7af\u3040-\u30ff]+"  # a word
    r"|\s+"
)


def tokens(text: str) -> list[str]:
    """Break opportunities: each CJK character, each Latin word, each run of spaces."""
    out: list[str] = []
    for tok in _TOKEN.findall(text):
        if out and tok[0] in _NO_START and not out[-1].isspace():
            out[-1] += tok
        else:
            out.append(tok)
    return out


def _break_word(word: str, width: float, size: float, measure: Measure) -> list[str]:
    pieces: list[str] = []
    current = ""
    for ch in word:
        if current and measure(current + ch, size) > width:
            pieces.append(current)
            current = ch
        else:
            current += ch
    if current:
        pieces.append(current)
    return pieces


def wrap(text: str, width: float, size: float, measure: Measure) -> list[str]:
    """Lines of `text` each at most `width` wide at font `size` (newlines respected)."""
    if measure(text, size) <= width * FITS and " ".join(text.split()) == text:
        return [text]  # one line, single spaces: what the loop below would give, measured once
    lines: list[str] = []
    for paragraph in text.replace("\r\n", "\n").split("\n"):
        current = ""
        current_w = 0.0
        for tok in tokens(paragraph):
            if tok.isspace():
                if current:
                    current += " "
                    current_w = measure(current, size)
                continue
            tok_w = measure(tok, size)
            if current_w + tok_w <= width:
                current += tok
                current_w += tok_w
                continue
            if current.strip():
                lines.append(current.rstrip())
            if tok_w <= width:
                current, current_w = tok, tok_w
            else:
                pieces = _break_word(tok, width, size, measure)
                lines.extend(pieces[:-1])
                current = pieces[-1]
                current_w = measure(current, size)
        if current.strip() or not lines:
            lines.append(current.rstrip())
    return lines


def ellipsize(text: str, width: float, size: float, measure: Measure) -> str:
    """`text` cut to fit `width`, ending with an ellipsis when it had to be cut."""
    if measure(text, size) <= width:
        return text
    budget = width - measure(ELLIPSIS, size)
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits
        mid = (lo + hi + 1) // 2
        if measure(text[:mid], size) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ""


def fit_lines(text: str, width: float, max_lines: int, size: float, measure: Measure) -> list[str]:
    """At most `max_lines` lines; the last one ellipsized if the text is longer."""
    lines = wrap(text, width, size, measure)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    if kept:
        kept[-1] = ellipsize(kept[-1] + ELLIPSIS, width, size, measure)
    return kept
