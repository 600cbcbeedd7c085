"""Find a font that prints Chinese and Latin text in one line, and measure with it.

ReportLab embeds (as a subset) only TrueType outlines, so we look for a
TrueType CJK font on the system (WenQuanYi Zen Hei, Droid Sans Fallback,
Microsoft YaHei, SimSun, ...). When none is found we fall back to ReportLab's
built-in CID font `STSong-Light`, which every PDF viewer knows but which is
not embedded. The choice is a setting: the `font` export option, else the
`ORGDESIGNER_FONT` environment variable, else the search below. A setting is
a path (`/x/font.ttc` or `/x/font.ttc#1` for a subfont) or `STSong-Light`.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import OrgDesignerError

CID_FALLBACK = "STSong-Light"
ENV_VAR = "ORGDESIGNER_FONT"
TEXT_CACHE = 200_000  # strings whose widths a font remembers (then it starts again)

_LINUX = [
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/google-droid/DroidSansFallback.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
]
_WINDOWS = ["msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "simsun.ttf", "mingliu.ttc"]
_MAC = [
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Songti.ttc",
]


class FontProblem(OrgDesignerError):
    """The font the user chose cannot be used."""


def candidate_paths() -> list[Path]:
    """Where TrueType CJK fonts usually live on this platform, best first."""
    if sys.platform.startswith("win"):
        root = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return [root / name for name in _WINDOWS]
    if sys.platform == "darwin":
        return [Path(p) for p in _MAC]
    return [Path(p) for p in _LINUX]


@dataclass
class ChartFont:
    """A registered ReportLab font with a fast, cached width measure."""

    name: str  # the ReportLab font name
    path: Path | None  # None for the CID fallback
    index: int = 0  # subfont of a .ttc
    _widths: dict[str, float] = field(default_factory=dict, repr=False)
    _texts: dict[str, float] = field(default_factory=dict, repr=False)  # at size 1000

    @property
    def embedded(self) -> bool:
        return self.path is not None

    def width(self, text: str, size: float) -> float:
        """Width of `text` in points at `size`; cached per string (wrapping and fitting measure
        the same names again and again, at several sizes) and per character (CJK repeats)."""
        total = self._texts.get(text)
        if total is None:
            if len(self._texts) >= TEXT_CACHE:
                self._texts.clear()
            total = self._texts[text] = self._sum(text)
        return total * size / 1000.0

    def _sum(self, text: str) -> float:
        cache = self._widths
        total = 0.0
        for ch in text:
            w = cache.get(ch)
            if w is None:
                from reportlab.pdfbase.pdfmetrics import stringWidth

                w = cache[ch] = stringWidth(ch, self.name, 1000.0)
            total += w
        return total

    def missing(self, text: str) -> set[str]:
        """Characters of `text` this font has no glyph for (empty for the CID font: unknown)."""
        if self.path is None:
            return set()
        from reportlab.pdfbase.pdfmetrics import getFont

        cmap = getFont(self.name).face.charToGlyph
        return {ch for ch in set(text) if not ch.isspace() and ord(ch) not in cmap}


_REGISTERED: dict[tuple[str, int], ChartFont] = {}


def _parse_setting(setting: str) -> tuple[Path, int]:
    path, _, index = setting.partition("#")
    try:
        return Path(path).expanduser(), int(index or 0)
    except ValueError:
        raise FontProblem(
            f"font setting {setting!r}: the part after # must be a subfont number"
        ) from None


@functools.cache
def _split_cached_font_class():
    """ReportLab's TrueType font, remembering how each string splits into subsets per document:
    a big proposal draws the same names on many pages, and splitting a CJK string character by
    character is most of the cost of drawing it. Once a string's characters have their codes in a
    document the split never changes, so the remembered one is what ReportLab would compute."""
    import weakref

    from reportlab.pdfbase.ttfonts import TTFont

    class SplitCachedTTFont(TTFont):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._splits: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

        def splitString(self, text, doc, encoding="utf-8"):
            if encoding != "utf-8" or not isinstance(text, str):
                return super().splitString(text, doc, encoding)
            cache = self._splits.get(doc)
            if cache is None:
                cache = self._splits[doc] = {}
            found = cache.get(text)
            if found is None:
                found = cache[text] = super().splitString(text, doc, encoding)
            return found

    return SplitCachedTTFont


def _register_ttf(path: Path, index: int) -> ChartFont:
    key = (str(path), index)
    if key in _REGISTERED:
        return _REGISTERED[key]
    from reportlab.pdfbase import pdfmetrics

    name = f"OD-{path.stem}-{index}"
    try:
        font_class = _split_cached_font_class()
        pdfmetrics.registerFont(font_class(name, str(path), subfontIndex=index))
    except Exception as exc:  # ReportLab raises plain errors for CFF/OTF and broken files
        raise FontProblem(
            f"font {path.name}: cannot be embedded ({exc}); use a TrueType (.ttf/.ttc) font"
        ) from None
    font = _REGISTERED[key] = ChartFont(name, path, index)
    return font


def _cid() -> ChartFont:
    key = (CID_FALLBACK, 0)
    if key not in _REGISTERED:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
        _REGISTERED[key] = ChartFont(CID_FALLBACK, None)
    return _REGISTERED[key]


def find_font(setting: str | None = None) -> ChartFont:
    """The font to print with: the setting, else $ORGDESIGNER_FONT, else the first found.

    An explicit setting that cannot be used raises FontProblem (one clear
    line); the automatic search skips unusable files and ends at STSong-Light.
    """
    setting = setting or os.environ.get(ENV_VAR) or None
    if setting:
        if setting.strip().lower() in (CID_FALLBACK.lower(), "cid"):
            return _cid()
        path, index = _parse_setting(setting)
        if not path.is_file():
            raise FontProblem(f"font {path}: no such file")
        return _register_ttf(path, index)
    for path in candidate_paths():
        if path.is_file():
            try:
                return _register_ttf(path, 0)
            except FontProblem:
                continue
    return _cid()


def raster_font_file(font: ChartFont) -> tuple[Path, int] | None:
    """A font file Pillow can use for PNG output (the CID font has no file)."""
    if font.path is not None:
        return font.path, font.index
    for path in candidate_paths():
        if path.is_file():
            return path, 0
    return None
