"""Internal link areas ("→ p. 12", index entries) written cheaply: the same bytes as ReportLab's
`Canvas.linkRect(..., relative=0, thickness=0)`, without its dictionary machinery.

A chart book of 100,000 departments has a few hundred thousand such areas; ReportLab
builds a dictionary, an array and a string object for each one and formats them
recursively when it saves (about a third of the whole export). Here an annotation is
one small object whose bytes are joined directly, and each destination (shared by
many links) is formatted once per document.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase import pdfdoc

_HEAD = b"<<\n/Border [ 0 0 0 ] /Contents () /Dest "
_TAIL = b" /Subtype /Link /Type /Annot\n>>"


class _Link(pdfdoc.PDFObject):
    """A link annotation to a named destination, no border, no contents."""

    __slots__ = ("rect", "dest")

    def __init__(self, rect: tuple[float, float, float, float], dest) -> None:
        self.rect = rect
        self.dest = dest

    def format(self, document) -> bytes:
        cache = document.__dict__.setdefault("_od_dest_bytes", {})
        dest = cache.get(self.dest.name)
        if dest is None:
            dest = cache[self.dest.name] = pdfdoc.format(self.dest, document)
        return b"".join((_HEAD, dest, b" /Rect [ ", fp_str(*self.rect).encode(), b" ]", _TAIL))


def link_area(canvas, key: str, rect: tuple[float, float, float, float]) -> None:
    """An invisible link from `rect` (page points: x1, y1, x2, y2) to the bookmark `key`."""
    if not isinstance(canvas._doc.encrypt, pdfdoc.NoEncryption):
        canvas.linkRect("", key, rect, relative=0, thickness=0)  # strings must be encrypted
        return
    canvas._addAnnotation(_Link(canvas._absRect(rect, 0), canvas._bookmarkReference(key)))
