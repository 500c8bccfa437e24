"""People's names as real texts write them: honorific runs, middle initials, suffixes, short forms.

``nameparser`` splits a name into title, first, middle, last, suffix and nickname; the
``nicknames`` package's data says which English short forms stand for which given names
("Bob" for "Robert", "Peggy" for "Margaret"). Nothing here is a hand list of honorifics or suffixes
beyond a few words those packages do not know.

>>> strip_honorifics("His Royal Highness Prince Faisal")
'Faisal'
>>> strip_honorifics("Archbishop Paul Gallagher")
'Paul Gallagher'
>>> strip_honorifics("King Abdullah II")
'Abdullah II'
>>> same_person("Robert T. Hale, Jr.", "Bob Hale"), same_person("Mary K. Dalton", "Mary Dalton")
(True, True)
>>> same_person("Donald Trump", "Donald Tusk"), same_person("George H. W. Bush", "George W. Bush")
(False, False)
"""

from __future__ import annotations

from functools import cache

from nameparser import HumanName
from nameparser.config import CONSTANTS
from nicknames import NickNamer

from graphbuild import lexicon
from graphbuild.text import fold

# Words before a name nameparser's title list lacks: the lexicon's honorifics and forms of address, and ranks.
EXTRA_HONORIFICS = lexicon.HONORIFICS | lexicon.FORMS_OF_ADDRESS | {"amir", "emir", "crown", "sheikha"}
ROMAN_NUMERALS = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


def is_honorific(word: str) -> bool:
    word = word.lower().rstrip(",")
    return word in EXTRA_HONORIFICS or word.rstrip(".") in CONSTANTS.titles


def is_suffix(word: str) -> bool:
    """ "Jr.", "Sr", "PhD": a generational or academic suffix, not a name of its own (Roman numerals are
    kept: "Abdullah II" is the name, and "Xi" is a name too)."""
    word = word.lower().strip(",.")
    return word not in ROMAN_NUMERALS and (word in CONSTANTS.suffix_acronyms or word in CONSTANTS.suffix_not_acronyms)


def strip_honorifics(name: str) -> str:
    """The name without its leading forms of address; at least one word stays."""
    words = name.split()
    while len(words) > 1 and is_honorific(words[0]):
        words.pop(0)
    return " ".join(words)


@cache
def _parts(name: str) -> tuple[str, str, str]:
    """(first, middle, last), folded, with titles, suffixes and a quoted nickname left out."""
    parsed = HumanName(name)
    last = fold(parsed.last)
    if last in ROMAN_NUMERALS:  # "Harald V": a regnal number, not a family name
        return fold(parsed.first), "", fold(f"{parsed.first} {parsed.last}")
    return fold(parsed.first), fold(parsed.middle), last


@cache
def _given_names(first: str) -> frozenset[str]:
    """A given name and every name it may be a short form of, or have as a short form."""
    namer = _namer()
    return frozenset({first} | namer.canonicals_of(first) | namer.nicknames_of(first))


@cache
def _namer() -> NickNamer:
    return NickNamer()


def _middles_agree(a: str, b: str) -> bool:
    """Middle names agree when either is absent, or each word matches the other's or its initial."""
    if not a or not b:
        return True
    wa, wb = a.replace(".", " ").split(), b.replace(".", " ").split()
    if len(wa) != len(wb):
        return False
    return all(x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
               for x, y in zip(wa, wb, strict=True))


def same_person(a: str, b: str) -> bool:
    """Whether two full names (two words or more) name the same person: same family name, given names
    equal or short forms of each other, middle names compatible."""
    fa, ma, la = _parts(a)
    fb, mb, lb = _parts(b)
    if not la or la != lb or not fa or not fb:
        return False
    if fa != fb and fb not in _given_names(fa) and fa not in _given_names(fb):
        return False
    return _middles_agree(ma, mb)


def name_key(name: str) -> str:
    """The family name: names that may be the same person share it."""
    return _parts(name)[2]
