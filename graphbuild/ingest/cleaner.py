"""Clean scraped article text: drop page junk, repair glued words, keep an exact offset map.

Junk is judged line by line (a non-blank line is a paragraph): advertising, teaser sections
("More from ...", "Related", "Read more", ...) and everything after them, subscription /
donation / notification / log-in prompts, photo credits, bylines, timestamp and counter
lines, paragraphs repeated verbatim, and truncated teaser lines. Removed text is simply
absent from the cleaned text; every cleaned character keeps the position of the original
character it came from, and a space inserted by a repair maps to the character after it.

>>> doc = clean(Document("d", "Talks began.While they met\\nREUTERS/Jane Doe\\n", "mem"))
>>> doc.text
'Talks began. While they met\\n'
>>> doc.removed
["photo credit: 'REUTERS/Jane Doe'"]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from graphbuild.dates import parse_dateline
from graphbuild.ingest.formats.text import text_title
from graphbuild.lexicon.junk import (
    ADVERTS,
    BOILERPLATE_LINES,
    BYLINE_LINES,
    CREDIT_LINES,
    GLUE_HEADS_EXTRA,
    INLINE_CREDITS,
    META_TOKEN,
    META_WORDS,
    PROMPTS,
    SECTION_MARKERS,
    SELF_PRONOUNS,
    SELF_WORDS,
    SHORT_WORDS,
    SURNAME_PREFIXES,
    TEASER_LINK,
)
from graphbuild.models import CleanDocument, Document

# --- lexicons and patterns ----------------------------------------------------------------

# Spaces that become a plain space, one character for one.
SPACE_LIKE = {0xA0: " ", 0x2007: " ", 0x202F: " ", 0x2009: " "}

# Invisible format characters: zero-width space, non-joiner and joiner, word joiner, soft hyphen, the
# bidirectional marks, embeddings and isolates, a BOM inside the text. Inside a name they split it ("No\u200bvak"
# is not "Novak"); they are removed (the offset map keeps pointing into the original).
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

SHORT_LINE_WORDS = 12  # credits, labels and section markers are short lines
PROMPT_MAX_WORDS = 90  # a prompt is one short-ish paragraph, not an article

DEDUPE_MIN_WORDS = 5  # short repeated lines ("Yes.", "No.") are normal in interviews
TEASER_LENGTH_SPREAD = 2  # teaser lines cut to a fixed width differ by at most this many characters
TERMINAL = tuple(".!?\"”’'»)]…:;")

# Glued-word repair.
KNOWN_WORD_ZIPF = 1.5  # a token at least this frequent is a real word: never split it
COMMON_WORD_ZIPF = 4.0  # "met", "with": the lowercase tail glued to a name
LOWER_HEAD_ZIPF = 3.0  # "in" of "inPlease"
PROTECTED = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|[@#]\w+|\b\w+(?:\.\w+)+/\S*", re.IGNORECASE)
SENTENCE_GLUE = re.compile(r"(?<![\w.])[A-Za-z]?[a-z]+[a-z][.!?][\"”’)]?(?=[A-Z][a-z])")
LEADING_BLANKS = re.compile(r"^\s*\n")
BLANK_RUN = re.compile(r"\n(?:[ \t]*\n){2,}")
WORD = re.compile(r"[A-Za-z]+")


# --- offset-keeping text -------------------------------------------------------------------


@dataclass
class Mapped:
    """Text plus, for every character, its position in the original (and one end entry).

    >>> m = Mapped.of("ab cd").delete([(0, 3)]).insert_spaces([1])
    >>> m.text, m.offsets
    ('c d', [3, 4, 4, 5])
    """

    text: str
    offsets: list[int]

    @classmethod
    def of(cls, text: str) -> Mapped:
        return cls(text, list(range(len(text) + 1)))

    def delete(self, spans: Iterable[tuple[int, int]]) -> Mapped:
        """Drop the characters of ``spans``; the end entry follows the last kept character."""
        keep = [True] * len(self.text)
        for start, end in spans:
            keep[start:end] = [False] * (end - start)
        kept = [i for i, k in enumerate(keep) if k]
        end = self.offsets[kept[-1]] + 1 if kept else 0
        return Mapped("".join(self.text[i] for i in kept), [self.offsets[i] for i in kept] + [end])

    def insert_spaces(self, positions: Iterable[int]) -> Mapped:
        """Insert a space before each position; it maps to the character it precedes."""
        text, offsets, last = [], [], 0
        for pos in sorted(set(positions)):
            text.append(self.text[last:pos] + " ")
            offsets.extend(self.offsets[last:pos] + [self.offsets[pos]])
            last = pos
        text.append(self.text[last:])
        offsets.extend(self.offsets[last:])
        return Mapped("".join(text), offsets)


@dataclass(frozen=True)
class Line:
    start: int  # span in the current text, without the newline
    end: int
    text: str

    @property
    def words(self) -> list[str]:
        return self.text.split()


def split_lines(text: str) -> list[Line]:
    """Non-blank lines with their spans.

    >>> [(x.start, x.end) for x in split_lines("ab\\n\\ncd")]
    [(0, 2), (4, 6)]
    """
    lines, pos = [], 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append(Line(pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    return lines


# --- word knowledge ------------------------------------------------------------------------


@cache
def camelcase_words() -> frozenset[str]:
    """CamelCase names from graphbuild/data/camelcase_words.txt."""
    data = resources.files("graphbuild").joinpath("data/camelcase_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for w in data.splitlines() if w.strip() and not w.startswith("#"))


@cache
def _glue_heads() -> frozenset[str]:
    """GLUE_HEADS_EXTRA and every capitalised English stop word (spaCy's list, imported when first needed)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return GLUE_HEADS_EXTRA | {w.capitalize() for w in STOP_WORDS}


@cache
def _zipf_function() -> Callable[[str], float]:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # without wordfreq only spaCy's stop words count as known words
        from spacy.lang.en.stop_words import STOP_WORDS

        return lambda word: 5.0 if word in STOP_WORDS else 0.0
    return lambda word: zipf_frequency(word, "en")


@cache
@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is (0 unknown .. 7 "the"), case-insensitive."""
    return _zipf_function()(word.lower())


# --- junk classification -------------------------------------------------------------------


def line_junk(line: Line) -> str | None:
    """Reason to drop a line on its own, or None.

    >>> line_junk(Line(0, 0, "Russian Defence Ministry/Handout via REUTERS"))
    'photo credit'
    >>> line_junk(Line(0, 0, "The minister met the president.")) is None
    True
    """
    text, words = line.text, line.words
    short = len(words) <= SHORT_LINE_WORDS
    if text.lower().rstrip(":.!") in BOILERPLATE_LINES:
        return "boilerplate"
    if short and any(p.search(text) for p in CREDIT_LINES):
        return "photo credit"
    if short and not text.endswith(".") and any(p.search(text) for p in BYLINE_LINES):
        return "byline"
    if short and (_is_meta_line(words) or parse_dateline(text)):
        return "timestamp line"
    if short and TEASER_LINK.search(text):
        return "teaser link"
    if len(words) <= PROMPT_MAX_WORDS and PROMPTS.search(text):
        return "prompt"
    if len(words) <= PROMPT_MAX_WORDS and ADVERTS.search(text):
        return "advert"
    return None


def _is_meta_line(words: list[str]) -> bool:
    """Only numbers, dates, times and counter words: "2025-05-03 04:28 2092 views"."""
    digits = any(ch.isdigit() for ch in "".join(words))
    return digits and all(w.lower() in META_WORDS or META_TOKEN.match(w.lower()) for w in words)


def _self_promotion(text: str, min_words: int) -> bool:
    """The outlet speaking of itself ("we", "our" + journalism words), outside quotes."""
    if any(q in text for q in "\"“”") or re.search(r"\bsaid\b", text):
        return False
    tokens = re.findall(r"[a-z']+", text.lower())
    return bool(SELF_PRONOUNS.intersection(tokens)) and len(SELF_WORDS.intersection(tokens)) >= min_words


def is_section_marker(line: Line) -> bool:
    """A short line opening a teaser section.

    >>> is_section_marker(Line(0, 0, "More from Example News")), is_section_marker(Line(0, 0, "More talks"))
    (True, False)
    """
    return len(line.words) <= 10 and bool(SECTION_MARKERS.fullmatch(line.text.rstrip(":.").strip()))


def is_truncated(line: Line, min_words: int = 5) -> bool:
    """A sentence-long line that stops without final punctuation."""
    return len(line.words) >= min_words and not line.text.endswith(TERMINAL)


def ends_mid_word(line: Line) -> bool:
    """The last word is not a word: "teams are beginning to s"."""
    found = re.findall(r"[A-Za-z]+$", line.text)
    if not found:
        return False
    last = found[0].lower()
    return last not in SHORT_WORDS if len(last) <= 2 else zipf(last) < LOWER_HEAD_ZIPF


def _dedupe_key(text: str) -> str:
    return " ".join(text.split()).rstrip(".!?:;, ")


class Cleaner:
    """Removes junk lines and repairs glued words, keeping the offset map.

    >>> Cleaner().run(Document("d", "Fine text.", "mem")).text
    'Fine text.'
    """

    def run(self, doc: Document) -> CleanDocument:
        mapped = Mapped(doc.text.translate(SPACE_LIKE), list(range(len(doc.text) + 1)))
        if INVISIBLE.search(mapped.text):
            mapped = mapped.delete(m.span() for m in INVISIBLE.finditer(mapped.text))
        removed: list[str] = []
        mapped = self.remove_junk(mapped, removed)
        mapped = repair_glued(mapped)
        return CleanDocument(doc.id, mapped.text, mapped.offsets, doc.text, self._title(doc, mapped.text),
                             doc.date, doc.url, removed)

    @staticmethod
    def _title(doc: Document, cleaned: str) -> str | None:
        """A title guessed from a text's first line must not be a junk line the cleaner dropped."""
        if doc.title is None or doc.title in cleaned or doc.title not in doc.text:
            return doc.title
        return text_title(cleaned)

    def remove_junk(self, mapped: Mapped, removed: list[str]) -> Mapped:
        lines = split_lines(mapped.text)
        reasons: dict[int, str] = {}
        for step in (self._mark_lines, self._mark_sections, self._mark_appeal_blocks, self._mark_duplicates,
                     self._mark_teaser_runs):
            step(lines, reasons)
        spans = [(lines[i].start, _line_end(mapped.text, lines[i].end)) for i in sorted(reasons)]
        removed.extend(f"{reasons[i]}: {_snippet(lines[i].text)}" for i in sorted(reasons))
        spans.extend(self._inline_credits(lines, reasons, mapped.text, removed))
        return squeeze_blank_lines(mapped.delete(spans))

    @staticmethod
    def _mark_lines(lines: list[Line], reasons: dict[int, str]) -> None:
        for i, line in enumerate(lines):
            reason = line_junk(line)
            if reason:
                reasons[i] = reason
        # A short label right before a credit that repeats it ("X" then "X (Agency)").
        for i in range(len(lines) - 1):
            label, nxt = lines[i], lines[i + 1].text
            if reasons.get(i + 1) == "photo credit" and nxt.startswith(label.text) and len(label.words) <= 8:
                reasons.setdefault(i, "photo credit")

    @staticmethod
    def _mark_sections(lines: list[Line], reasons: dict[int, str]) -> None:
        """A teaser section marker cuts the article there, once some article came before."""
        seen_content = False
        for i, line in enumerate(lines):
            if i in reasons:
                continue
            if is_section_marker(line):
                if not seen_content:
                    reasons[i] = "teaser marker"
                    continue
                for j in range(i, len(lines)):
                    reasons.setdefault(j, "teaser section" if j > i else "teaser marker")
                return
            seen_content = seen_content or len(line.words) > 6

    @staticmethod
    def _mark_appeal_blocks(lines: list[Line], reasons: dict[int, str]) -> None:
        """Paragraphs right after a prompt in which the outlet talks about itself."""
        for i in range(1, len(lines)):
            follows_prompt = i not in reasons and reasons.get(i - 1) in {"prompt", "appeal"}
            short = len(lines[i].words) <= PROMPT_MAX_WORDS
            if follows_prompt and short and _self_promotion(lines[i].text, min_words=1):
                reasons[i] = "appeal"

    @staticmethod
    def _mark_duplicates(lines: list[Line], reasons: dict[int, str]) -> None:
        seen: set[str] = set()
        for i, line in enumerate(lines):
            if i in reasons:
                continue
            key = _dedupe_key(line.text)
            if key in seen and len(line.words) >= DEDUPE_MIN_WORDS:
                reasons[i] = "repeated paragraph"
            seen.add(key)

    @staticmethod
    def _mark_teaser_runs(lines: list[Line], reasons: dict[int, str]) -> None:
        """Truncated teaser lines: runs of lines that stop without final punctuation, dropped when
        they were cut to one fixed length, or when the run ends the article in the middle of a word."""
        kept = [i for i in range(len(lines)) if i not in reasons]
        runs: list[list[int]] = [[]]
        for i in kept:
            if is_truncated(lines[i]):
                runs[-1].append(i)
            elif runs[-1]:
                runs.append([])
        for run in runs:
            lengths = [len(lines[i].text) for i in run]
            same_length = len(run) >= 2 and max(lengths) - min(lengths) <= TEASER_LENGTH_SPREAD
            last = lines[run[-1]] if run else None
            at_end = last is not None and run[-1] == kept[-1] and ends_mid_word(last)
            if same_length or at_end:
                reasons.update((i, "truncated teaser") for i in run)

    @staticmethod
    def _inline_credits(lines: list[Line], reasons: dict[int, str], text: str,
                        removed: list[str]) -> list[tuple[int, int]]:
        spans = []
        for i, line in enumerate(lines):
            if i in reasons:
                continue
            raw = text[line.start:line.end]
            for pattern in INLINE_CREDITS:
                for match in pattern.finditer(raw):
                    spans.append((line.start + match.start(), line.start + match.end()))
                    removed.append(f"photo credit: {_snippet(match.group().strip())}")
        return spans


def squeeze_blank_lines(mapped: Mapped) -> Mapped:
    """Blank lines left by removals: none at the start, at most one in a row.

    >>> squeeze_blank_lines(Mapped.of("\\n\\nA\\n\\n\\n \\nB\\n")).text
    'A\\n\\nB\\n'
    """
    spans = [m.span() for m in LEADING_BLANKS.finditer(mapped.text)]
    spans += [(m.start() + 1, m.end() - 1) for m in BLANK_RUN.finditer(mapped.text)]
    return mapped.delete(spans) if spans else mapped


def _line_end(text: str, end: int) -> int:
    """End of a line including its newline."""
    return end + 1 if end < len(text) and text[end] == "\n" else end


def _snippet(text: str, size: int = 60) -> str:
    return repr(text if len(text) <= size else text[: size - 1] + "…")


# --- glued words ---------------------------------------------------------------------------


def repair_glued(mapped: Mapped) -> Mapped:
    """Insert the spaces lost when words were glued together by scraping.

    >>> repair_glued(Mapped.of("on PrestonSunday, a gift.While Ann Lee met Leeson")).text
    'on Preston Sunday, a gift. While Ann Lee met Leeson'
    """
    text = mapped.text
    protected = [m.span() for m in PROTECTED.finditer(text)]
    names = set(re.findall(r"\b[A-Z][a-z]+\b", text))
    positions = set()
    for match in WORD.finditer(text):
        if not any(s <= match.start() < e for s, e in protected):
            positions.update(match.start() + k for k in _camel_splits(match.group()))
            if text[match.end() : match.end() + 1] != ",":  # "Gen. Fan Changlong, vice chairman": a name itself
                positions.update(match.start() + k for k in _name_splits(match.group(), names))
    for match in SENTENCE_GLUE.finditer(text):
        if not any(s <= match.start() < e for s, e in protected):
            positions.add(match.end())
    return mapped.insert_spaces(positions)


def _camel_splits(token: str) -> list[int]:
    """Lower→Upper boundaries to split: "PrestonSunday" → [7]; "McDonald", "iPhone" → [].

    >>> _camel_splits("inPlease"), _camel_splits("YouTube"), _camel_splits("DeSantis")
    ([2], [], [])
    """
    bounds = [k for k in range(1, len(token)) if token[k - 1].islower() and token[k].isupper()]
    if not bounds or token in camelcase_words() or zipf(token) >= KNOWN_WORD_ZIPF:
        return []
    cuts = [0, *bounds, len(token)]
    splits = []
    for n, k in enumerate(bounds, start=1):
        left, right = token[cuts[n - 1]:k], token[k:cuts[n + 1]]
        if _glued_pair(left, right):
            splits.append(k)
    return splits


def _glued_pair(left: str, right: str) -> bool:
    if len(right) < 2 or not right[1:].islower():
        return False  # "iOS", "macOS": the tail is not a capitalised word
    if left[0].islower():
        return len(left) >= 2 and left.isalpha() and zipf(left) >= LOWER_HEAD_ZIPF
    return len(left) >= 3 and left not in SURNAME_PREFIXES and left[1:].islower() and right in _glue_heads()


def _name_splits(token: str, names: set[str]) -> list[int]:
    """Split a known name from a glued lowercase word: "Belousovmet" → [8] if "Belousov" is known.

    >>> _name_splits("Belousovmet", {"Belousov"}), _name_splits("Belousovmet", set())
    ([8], [])
    """
    if len(token) < 5 or not token[0].isupper() or not token[1:].islower():
        return []
    prefixes = [k for k in range(len(token) - 2, 2, -1) if token[:k] in names]  # longest name first
    if not prefixes or token in camelcase_words() or zipf(token) >= KNOWN_WORD_ZIPF:
        return []
    for k in prefixes:
        if zipf(token[k:]) >= COMMON_WORD_ZIPF:
            return [k]
    return []


def clean(doc: Document) -> CleanDocument:
    """Clean one document (see the module docstring)."""
    return Cleaner().run(doc)
