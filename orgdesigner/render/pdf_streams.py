"""Page streams compressed as each page is finished, not all at once when the file is saved.

ReportLab keeps every page's drawing operators as text until `save()`; a chart book of
100,000 departments has 5,000 pages of them (hundreds of MB). Compressed when the page
ends they take a fraction of that, and the file is byte for byte the same: the same
zlib call ReportLab makes at save, the same stream dictionary.
"""

from __future__ import annotations

import zlib

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc


class _Flated:
    """A Flate filter whose content is compressed already (ReportLab applies filters at save)."""

    pdfname = "FlateDecode"

    @staticmethod
    def encode(data: bytes) -> bytes:
        return data


_FLATED = _Flated()


def compress_pages_as_drawn(canvas) -> None:
    """Have `canvas` compress each page's stream when the page is shown (plain Flate, no
    encryption: otherwise ReportLab's own path is kept)."""
    doc = canvas._doc
    if rl_config.useA85 or not canvas._pageCompression:
        return
    if not isinstance(doc.encrypt, pdfdoc.NoEncryption):
        return

    def on_page(_number: int) -> None:
        page = doc.Pages.pages[-1]
        stream = page.stream
        if not stream or page.Contents:
            return
        data = stream.encode("utf8") if isinstance(stream, str) else stream
        contents = pdfdoc.PDFStream(content=zlib.compress(data), filters=[_FLATED])
        contents.__Comment__ = "page stream"
        page.Contents = contents
        page.stream = None

    canvas.setPageCallBack(on_page)
