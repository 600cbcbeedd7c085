"""Guess how a text table is encoded and delimited.

Spreadsheets reach us from Excel on Chinese Windows (GB18030/GBK), Excel on
Western Windows (cp1252), LibreOffice and scripts (UTF-8, often with a BOM).
The guess is cheap and deterministic; the user can always override it.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from itertools import islice

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x3000 <= code <= 0x303F
        or 0xFF00 <= code <= 0xFFEF
        or 0x20000 <= code <= 0x2FFFF
    )


def has_cjk(text: str) -> bool:
    return any(_is_cjk(c) for c in text)


def detect_encoding(raw: bytes) -> str:
    """The encoding of `raw`: a BOM, else UTF-8, else GB18030 if it reads as Chinese, else cp1252.

    Western text in cp1252 rarely decodes as GB18030 (an accented letter
    followed by a space, digit or punctuation is not a valid pair), and when
    it does the result is rare characters, not common Chinese.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return name
    try:
        raw.decode("utf-8")
        return "utf-8"  # a few GB2312 pairs are valid UTF-8 too (委 = CE AF): a tiny file may need --encoding
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        text = ""
    wide = [c for c in text if ord(c) > 127]
    # An accented letter followed by an ASCII letter ("ü" + "l") is a valid GB18030 pair,
    # but one that decodes to a rare character outside GB2312; real Chinese text is mostly
    # GB2312 characters (traditional characters less so, hence the low bar).
    common = sum(1 for c in wide if c.encode("gb2312", "ignore"))
    if wide and sum(map(_is_cjk, wide)) >= 0.8 * len(wide) and common >= 0.25 * len(wide):
        return "gb18030"
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"  # decodes any byte; the user sees odd characters, never a crash


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first records into the most consistent, widest rows."""
    sample = text[:65536]
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]
    best, best_score = ",", (False, 0.0, 0)
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter, strict=False)
        widths = [len(r) for r in islice(reader, 60) if any(c.strip() for c in r)]
        if not widths:
            continue
        width, hits = Counter(widths).most_common(1)[0]
        score = (width > 1, hits / len(widths), width)
        if score > best_score:
            best, best_score = delimiter, score
    return best
