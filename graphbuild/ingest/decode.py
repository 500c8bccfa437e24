"""Bytes to text: byte-order marks, UTF-8 first, then cp1252 and latin-1; binary files refused;
line breaks unified. Used for every input format."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tried in order when there is no BOM; latin-1 decodes anything, so its result must also
# pass the "looks like text" check.
FALLBACK_ENCODINGS = ("utf-8", "cp1252", "latin-1")
UTF16_ZERO_SHARE = 0.9  # share of NUL high bytes that marks BOM-less UTF-16 text
MAX_CONTROL_RATIO = 0.02  # share of control characters above which a decoded text is "binary"

def decode_bytes(data: bytes) -> tuple[str | None, str]:
    """Decode file bytes to text, or return (None, reason).

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(b"\\x00\\x01\\x02binary")
    (None, 'binary file (NUL bytes)')
    """
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return _decode_with(data, (encoding,))
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        return _decode_with(data, (encoding,)) if encoding else (None, "binary file (NUL bytes)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_lines(data)
    return _decode_with(data, FALLBACK_ENCODINGS)


def _decode_lines(data: bytes) -> tuple[str | None, str]:
    """Text that is not all UTF-8, decoded line by line: UTF-8 first, only a line that is not falls back (to
    cp1252, else latin-1), so one stray byte does not garble the other lines. The encoding named is the
    fallback used (latin-1 if any line needed it)."""
    parts, used = [], set()
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            text, encoding = decode_record(line)
            parts.append(text)
            used.add(encoding)
    encoding = "latin-1" if "latin-1" in used else "cp1252"
    text = "".join(parts)
    if _looks_like_text(text):
        return text, encoding
    return None, f"not text (too many control characters as {encoding})"


def non_utf8_lines(data: bytes) -> list[int]:
    """The numbers of the lines of ``data`` that are not UTF-8 (line breaks as :func:`normalise_newlines`).

    >>> non_utf8_lines(b"ok\\r\\nbad \\xff\\nok")
    [2]
    """
    found = []
    for number, line in enumerate(data.splitlines(), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            found.append(number)
    return found


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII text has a NUL in every other byte.

    >>> _bomless_utf16("News".encode("utf-16-le")), _bomless_utf16(b"\\x00\\x01\\x02\\x03")
    ('utf-16-le', None)
    """
    if len(data) % 2:
        return None
    half = len(data) // 2
    even, odd = data[0::2].count(0), data[1::2].count(0)
    for encoding, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= UTF16_ZERO_SHARE * half and low <= (1 - UTF16_ZERO_SHARE) * half:
            return encoding
    return None


def _decode_with(data: bytes, encodings: Iterable[str]) -> tuple[str | None, str]:
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, encoding
        return None, f"not text (too many control characters as {encoding})"
    return None, "cannot decode as " + ", ".join(encodings)


# C0 controls other than tab, newline, carriage return and form feed; DEL and the C1 block.
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _looks_like_text(text: str) -> bool:
    """Few control characters (C0 other than whitespace, and C1 as left by latin-1)."""
    if not text:
        return True
    controls = len(CONTROL_CHARACTERS.findall(text))
    return controls / len(text) <= MAX_CONTROL_RATIO and "\x00" not in text


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n``; a BOM left inside is dropped."""
    return unify_line_breaks(text).lstrip("\ufeff")


def unify_line_breaks(text: str) -> str:
    """``\\r\\n`` and ``\\r`` become ``\\n`` (for a piece from inside a file, where U+FEFF is text)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decodes_per_record(data: bytes) -> bool:
    """A .jsonl file is decoded record by record unless it is UTF-16 or UTF-32 (a BOM, or BOM-less UTF-16)."""
    if any(data.startswith(bom) for bom, encoding in BOMS if encoding != "utf-8-sig"):
        return False
    return not (b"\x00" in data and _bomless_utf16(data))


def decode_record(raw: bytes) -> tuple[str, str]:
    """One record that is not UTF-8: cp1252, else latin-1 (which decodes anything)."""
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


# What no export can carry: C0 controls but tab, line feed and carriage return (XML 1.0 forbids them, the
# GraphML writer raises), lone surrogates (not encodable as UTF-8; JSON "\ud800" gives one) and U+FFFE/U+FFFF.
UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_LIKE = {"\x0b": "\n", "\x0c": "\n"}  # vertical tab, form feed: line (page) breaks in a text


def safe_text(text: str) -> str:
    """An article's text as every export can write it, one character for one (offsets keep): a vertical
    tab or form feed becomes a line break, a lone surrogate U+FFFD, any other control character a space.

    >>> safe_text("Page one.\\fPage two \\x1b[31mred")
    'Page one.\\nPage two  [31mred'
    """
    if not UNWRITABLE.search(text):
        return text
    return UNWRITABLE.sub(lambda m: _LINE_LIKE.get(m[0], "\ufffd" if "\ud800" <= m[0] <= "\udfff" else " "), text)


def safe_field(value: str | None) -> str | None:
    """A one-line field (id, title, url, outlet, path) as every export can write it: each character no
    export can carry becomes a space (see :func:`safe_text`), surrounding space stripped.

    >>> safe_field("Talks\\x0bin\\x1bParis ")
    'Talks in Paris'
    """
    if value is None or not UNWRITABLE.search(value):
        return value
    return UNWRITABLE.sub(" ", value).strip() or None
