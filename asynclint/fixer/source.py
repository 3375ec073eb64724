"""A source file as bytes on disk and as text in memory, and back, losslessly.

The fixer edits text but writes bytes. Whatever it does not edit must come back
byte for byte: the encoding (PEP 263 coding cookie), a UTF-8 BOM, the newline
style (LF, CRLF, even CR or a mix) and the file mode. A file whose bytes do not
survive a decode/encode round trip is never fixed.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path

# The line breaks libcst (and so every position asynclint reports) counts.
NEWLINE = re.compile(r"\r\n?|\n")


def lines_with_ends(text: str) -> tuple[list[str], list[int]]:
    """The lines of ``text`` with their line breaks, split only where Python breaks lines
    (``str.splitlines`` also breaks at form feeds, NEL, U+2028, ...), and their offsets."""
    starts = [0] + [m.end() for m in NEWLINE.finditer(text)]
    lines = [text[a:b] for a, b in zip(starts, starts[1:])]
    if starts[-1] < len(text):
        lines.append(text[starts[-1] :])
    return lines, starts


_LONE_LF = re.compile(r"(?<!\r)\n")
_BYTE_LINES = re.compile(rb"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+$")


def detect_encoding(data: bytes) -> str:
    """The source encoding as CPython finds it (BOM, PEP 263 cookie, else UTF-8).

    ``tokenize.detect_encoding`` reads lines up to ``\\n`` only, so in a file whose lines
    end in a lone CR it takes the whole file for the first line and rejects a cookie that
    CPython accepts; here lines are split the way the interpreter splits them. Raises
    ``SyntaxError`` for a bad cookie or a BOM that contradicts it.
    """
    lines = (match.group(0) for match in _BYTE_LINES.finditer(data))  # lazily: two are read
    encoding, _ = tokenize.detect_encoding(lambda: next(lines, b""))
    return encoding


@dataclass(frozen=True)
class SourceText:
    text: str  # decoded, without a BOM
    encoding: str  # a codec name ("utf-8", "latin-1", ...)
    bom: bool
    newline: str  # the file's first line break, "\n" when it has none

    @classmethod
    def from_bytes(cls, data: bytes) -> SourceText | None:
        """None when the bytes cannot be decoded and re-encoded unchanged."""
        try:
            encoding = detect_encoding(data)
        except SyntaxError:
            return None
        bom = data.startswith(codecs.BOM_UTF8)
        codec = "utf-8" if encoding == "utf-8-sig" else encoding
        body = data[len(codecs.BOM_UTF8) :] if bom else data
        try:
            text = body.decode(codec)
            if text.encode(codec) != body:
                return None
        except (UnicodeError, LookupError):
            return None
        match = NEWLINE.search(text)
        return cls(text, codec, bom, match.group(0) if match else "\n")

    def encode(self, text: str) -> bytes | None:
        """The bytes of ``text`` in this file's encoding (None when it cannot be encoded)."""
        try:
            body = text.encode(self.encoding)
        except UnicodeError:
            return None
        return codecs.BOM_UTF8 + body if self.bom else body

    def native_newlines(self, content: str, text: str | None = None, at: int | None = None) -> str:
        """Edit content with its bare ``\\n`` line breaks written in the file's style: the
        line break of the line the edit is on (files may mix them), else the file's first."""
        if "\n" not in content:
            return content
        newline = self.newline
        if text is not None and at is not None:
            found = NEWLINE.search(text, at) or NEWLINE.search(text, max(0, text.rfind("\n", 0, at)))
            newline = found.group(0) if found else newline
        return content if newline == "\n" else _LONE_LF.sub(newline, content)


class ConcurrentModification(Exception):
    """The file changed on disk while it was being fixed."""


def atomic_write(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace ``path`` with ``data`` via a temporary file in the same folder and a rename.

    Keeps the file's permission bits (and owner where allowed); a file with several hard
    links is rewritten in place so that every link sees the fix. When ``expected`` is
    given and the file no longer holds those bytes, nothing is written.
    """
    target = Path(os.path.realpath(path))
    if expected is not None and target.read_bytes() != expected:
        raise ConcurrentModification(str(path))
    st = os.stat(target)
    if not os.access(target, os.W_OK) or not st.st_mode & 0o222:
        # no write bit at all: read-only on purpose, even for root (who could replace it)
        raise PermissionError(13, "the file is read-only", str(path))
    if st.st_nlink > 1:
        # a rename would split the hard links: write through the one inode instead
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
        return
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".asynclint")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
