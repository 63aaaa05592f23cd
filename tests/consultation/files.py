"""Small files with the structure of their type (domain.attachments checks it), and broken ones."""

from __future__ import annotations

import struct
import zlib


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_tiny() -> bytes:
    """A 1×1 grey PNG: signature, IHDR, IDAT, IEND."""
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(b"\x00\x80"))
            + _chunk(b"IEND", b""))  # fmt: skip


def jpeg_tiny() -> bytes:
    """Start of image, a JFIF APP0 segment, end of image (enough for the structure check)."""
    return b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\xff\xd9"


PDF_13_BYTES = b"%PDF-1.4\n%abc"  # the finding of issue 13: a header and nothing of a PDF
