"""Posts people hold, read from the words around a person's name.

Four general English shapes, read from the tokens themselves rather than the parse (which
small models often get wrong around titles):

- before the name:   "Russian Defense Minister Andrei Belousov", "Egypt's President Abdel Fattah al-Sisi",
                     "President of Argentina Alberto Fernández", "Senator Amy Klobuchar of Minnesota",
                     "ABS-CBN CEO Carlo Katigbak" (an acronym the NER missed, before known title words)
- after the name:    "Zhang Youxia, Vice Chairman of China's Central Military Commission"
- title first:       "The governor of Ohio, Mike DeWine", "a State Department spokesperson, Morgan Ortagus"
- predicate:         "Soleimani was head of Iran's Quds Force", "Grossi, who heads the IAEA"

Each gives a title and, where stated, the organisation or country (a name, a possessive, or a
demonym such as "Russian"). Former posts ("former", "ex-", "then-") are not posts held.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from graphbuild import lexicon

# Words that may stand inside a title phrase besides its head: "Vice", "Deputy", "Foreign", "State".
FORMER_WORDS = {"former", "formerly", "ex", "then", "late", "previous", "erstwhile", "outgoing", "one-time"}
SKIPPABLE = {"current", "currently", "incumbent", "new", "top", "senior", "sitting", "acting", "interim",
             "longtime", "long-time", "veteran", "newly", "appointed", "elected", "serving"} | FORMER_WORDS
DETERMINERS = {"the", "a", "an"}
COPULAS = {"is", "was", "became", "becomes", "remains", "remained", "serves", "served", "been"}
LINKS = {"of", "for", "at"}
LOCATIVE_PREPOSITIONS = {"in", "at", "inside", "across", "throughout", "near", "from"}
POSSESSIVE = {"'s", "’s", "'", "’"}
_MAX_TITLE_TOKENS = 7
# Military ranks and services between a post and a name: "Press Secretary Navy Rear Adm. X".
RANK_WORDS = {"gen.", "general", "adm.", "admiral", "rear", "vice", "maj.", "major", "lt.", "lieutenant", "col.",
              "colonel", "capt.", "captain", "cmdr.", "cdr.", "brig.", "sgt.", "sergeant", "(ret.)"}
# Posts named by their beat, which is part of the title: "Pentagon correspondent X" (the employer is another).
BEAT_HEADS = {"correspondent", "correspondents", "reporter", "editor", "bureau"}
SERVICE_WORDS = {"navy", "army", "marine", "marines", "corps", "air", "force", "coast", "guard", "space"}


@dataclass(frozen=True)
class Post:
    title: str
    org: int | None  # mention index of the organisation or country, when stated
    former: bool = False


# How the scanner asks about entities: (token) -> mention index of an ORG/GPE/LOC mention or None,
# and (text, token) -> a mention index for a country named by a demonym.
OrgLookup = Callable[[Token], int | None]
DemonymLookup = Callable[[str, Token], int]


class PostOrganisation:
    """Where a post's organisation or country is named around its title: before it ("Russia's", "the
    Russian", "Pentagon"), after it ("of China's Central Military Commission"), or after the name ("of the
    Slovak Republic"). :class:`PostFinder` reads the shapes of posts around a name and asks this."""

    def __init__(self, org_at: OrgLookup, demonym_mention: DemonymLookup, is_place: Callable[[int], bool],
                 acronym_org: Callable[[Span], int]) -> None:
        self.org_at = org_at
        self.demonym_mention = demonym_mention
        self.is_place = is_place
        self.acronym_org = acronym_org  # a mention for an organisation the NER missed: "ABS-CBN CEO X"

    def before_org(self, doc: Doc, k: int, org: int) -> int:
        """The index before the mention ``org`` that ends at ``k``, and before its article ("the")."""
        while k >= 0 and self.org_at(doc[k]) == org:
            k -= 1
        if k >= 0 and doc[k].lower_ in DETERMINERS:
            k -= 1
        return k

    def following(self, doc: Doc, i: int) -> int | None:
        """The organisation named from token ``i`` on, after any article: "of [the] Slovak Republic"."""
        while i < len(doc) and doc[i].lower_ in DETERMINERS:
            i += 1
        return self.org_at(doc[i]) if i < len(doc) else None

    def prefix(self, doc: Doc, i: int) -> tuple[int | None, int]:
        """An organisation before the title inside an apposition: "Russia's", "the Russian", "Pentagon"."""
        org = self.org_at(doc[i]) if i < len(doc) else None
        if org is None:
            demonym, length = _demonym_at(doc, i)
            return (self.demonym_mention(demonym, doc[i]), i + length) if demonym else (None, i)
        j = i
        while j < len(doc) and self.org_at(doc[j]) == org:
            j += 1
        if j < len(doc) and doc[j].lower_ in POSSESSIVE:
            j += 1
        return org, j

    def after(self, doc: Doc, i: int) -> int | None:
        """ "of China's Central Military Commission", "for the PMF", "of global news for AFP"."""
        words = 0
        while i < len(doc) and doc[i].lower_ in LINKS and words < 5:
            link = doc[i].lower_
            i += 1
            while i < len(doc) and doc[i].lower_ in DETERMINERS:
                i += 1
            org = None
            while i < len(doc):
                found = self.org_at(doc[i])
                if found is None:
                    break
                org = found
                while i < len(doc) and self.org_at(doc[i]) == found:
                    i += 1
                if i < len(doc) and doc[i].lower_ in POSSESSIVE:
                    i += 1  # "China's Central Military Commission": the last name wins
            if org is not None:
                # "Minister for the Middle East", "Envoy for Syria": a place after "for" is a remit.
                return None if link == "for" and self.is_place(org) else org
            demonym, _ = _demonym_at(doc, i)
            if demonym:
                return self.demonym_mention(demonym, doc[i])
            while i < len(doc) and doc[i].is_lower and doc[i].lower_ not in LINKS and words < 5:
                i += 1  # "director of global news for AFP"
                words += 1
        return None

    def before(self, doc: Doc, start: int) -> tuple[int | None, bool]:
        """The organisation and former-ness stated just before a title run."""
        i = start - 1
        former = False
        adjectives = 0
        # "former", "current", and up to two adjectives: "Chinese paramount leader", "Atlanta's Democratic mayor"
        while i >= 0 and (doc[i].lower_ in SKIPPABLE | {"-"} or (
                doc[i].tag_ == "JJ" and not doc[i].ent_type_ and doc[i].lower_ not in lexicon.DEMONYMS
                and adjectives < 2)):
            adjectives += doc[i].tag_ == "JJ"
            former = former or doc[i].lower_ in FORMER_WORDS
            i -= 1
        # "former US Vice President": former-ness may also stand before the organisation.
        former = former or any(t.lower_ in FORMER_WORDS for t in doc[max(0, i - 3) : i + 1])
        if i < 0:
            return None, former
        if doc[i].lower_ in POSSESSIVE and i >= 1:
            return self.org_at(doc[i - 1]), former
        org = self.org_at(doc[i])
        if org is not None:
            first = i
            while first > 0 and self.org_at(doc[first - 1]) == org:
                first -= 1
            if first > 0 and doc[first - 1].lower_ in LOCATIVE_PREPOSITIONS and self.is_place(org):
                return None, former  # "In Turkey Minister X met ...": the place belongs to "In"
            return org, former
        for length in (2, 1):
            words = " ".join(t.lower_ for t in doc[max(0, i - length + 1) : i + 1])
            if words in lexicon.DEMONYMS and doc[i].text[:1].isupper():
                return self.demonym_mention(lexicon.DEMONYMS[words], doc[i]), former
        if _is_acronym(doc[i]) and _known_title_words(doc, start):
            first = i
            while first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and _is_acronym(
                    doc[first - 2]):
                first -= 2  # "ABS-CBN" is three tokens
            return self.acronym_org(doc[first : i + 1]), former
        return None, former


class PostFinder:
    """The posts stated around a person's name: the title before it, an apposition after it, a title
    first ("The governor of Ohio, X"), a predicate ("X is the ..."), "X, who heads Y", and long titles."""

    def __init__(self, org_at: OrgLookup, demonym_mention: DemonymLookup, is_place: Callable[[int], bool],
                 acronym_org: Callable[[Span], int]) -> None:
        self.org_at = org_at
        self.is_place = is_place
        self.orgs = PostOrganisation(org_at, demonym_mention, is_place, acronym_org)

    def run(self, ent: Span) -> list[Post]:
        posts = []
        for finder in (self._before, self._after, self._title_first, self._predicate, self._leads):
            posts += finder(ent)
        stated = {post.title.lower() for post in posts}
        posts += self._before_rank(ent)
        for title in (long_title_before(ent), long_title_after(ent), lower_title_after(ent)):
            if title and title.lower() not in stated and not any(title.lower() in t for t in stated):
                posts.append(Post(title, None))
        return posts

    # --- the four shapes ------------------------------------------------------------------
    def _before(self, ent: Span) -> list[Post]:
        doc = ent.doc
        start = _title_run_start(doc, ent.start)
        if start is None:
            return self._title_of_org_before(ent)
        if (doc[ent.start - 1].lower_ in BEAT_HEADS and start == ent.start - 1 and start > 0
                and doc[start - 1].ent_type_):
            beat = start - 1
            while beat > 0 and doc[beat - 1].ent_type_ == doc[start - 1].ent_type_ and doc[beat - 1].is_title:
                beat -= 1
            return [Post(doc[beat : ent.start].text, None)]  # "State Department correspondent X"
        org, former = self.orgs.before(doc, start)
        if org is not None and self.org_at(doc[start]) == org:
            org = None  # "[Israeli National Security Advisor]" tagged as one organisation: the title, not its org
        if org is None:
            org = self._of_org_after_name(ent)
            if org is not None and self.is_place(org) and not _territorial(doc[start : ent.start]):
                org = None
        return self._posts(doc, start, ent.start, org, former)

    def _before_rank(self, ent: Span) -> list[Post]:
        """ "Pentagon Press Secretary Navy Rear Adm. John Kirby", "spokesman Navy Capt. Jeff Davis": a post before a
        military rank and service, besides the rank itself."""
        doc = ent.doc
        k = ent.start
        ranks = 0
        while k > 0 and (doc[k - 1].lower_ in RANK_WORDS or doc[k - 1].lower_ in SERVICE_WORDS):
            ranks += doc[k - 1].lower_ in RANK_WORDS
            k -= 1
        if not ranks or k == 0 or doc[k - 1].lower_ in RANK_WORDS:
            return []
        start = _title_run_start(doc, k)
        if start is None:
            return []
        org, former = self.orgs.before(doc, start)
        return self._posts(doc, start, k, org, former)

    def _title_of_org_before(self, ent: Span) -> list[Post]:
        """ "President of Argentina Alberto Fernández", "Secretary-General of NATO Jens Stoltenberg"."""
        doc = ent.doc
        k = ent.start - 1
        org = self.org_at(doc[k]) if k >= 0 else None
        if org is None:
            return []
        k = self.orgs.before_org(doc, k, org)
        if k < 1 or doc[k].lower_ != "of":
            return []
        start = _title_run_start(doc, k)
        if start is None or (self.is_place(org) and not _territorial(doc[start:k])):
            return []
        _, former = self.orgs.before(doc, start)
        return self._posts(doc, start, k, org, former)

    def _of_org_after_name(self, ent: Span) -> int | None:
        """ "Prime Minister Igor Matovič of the Slovak Republic": the post's organisation follows the name."""
        doc = ent.doc
        i = ent.end
        if i >= len(doc) or doc[i].lower_ != "of":
            return None
        return self.orgs.following(doc, i + 1)

    def _after(self, ent: Span) -> list[Post]:
        doc = ent.doc
        i = ent.end
        if i >= len(doc) or doc[i].text != ",":
            return []
        return self._apposition(doc, i + 1)

    def _leads(self, ent: Span) -> list[Post]:
        """ "Rafael Grossi, who heads the IAEA", "Keir Starmer leads the Labour Party"."""
        doc = ent.doc
        i = ent.end
        if i + 1 < len(doc) and doc[i].text == "," and doc[i + 1].lower_ in ("who", "currently"):
            i += 2
        if i + 1 >= len(doc) or doc[i].lower_ not in lexicon.LEADING_VERBS or doc[i].tag_ != "VBZ":
            return []
        title = lexicon.LEADING_VERBS[doc[i].lower_]
        org = self.orgs.following(doc, i + 1)
        if org is None or self.is_place(org):  # "leads Argentina to victory" is no post
            return []
        return [Post(title, org)]

    def _predicate(self, ent: Span) -> list[Post]:
        doc = ent.doc
        i = ent.end
        if i < len(doc) and doc[i].lower_ in ("has", "had") and i + 1 < len(doc) and doc[i + 1].lower_ == "been":
            i += 1
        if i >= len(doc) or doc[i].lower_ not in COPULAS:
            return []
        i += 1
        if i < len(doc) and doc[i].lower_ == "as":
            i += 1
        return self._apposition(doc, i, require_head_first=True)

    def _title_first(self, ent: Span) -> list[Post]:
        doc = ent.doc
        k = ent.start - 1
        while k > 1 and (doc[k].lower_ in lexicon.FORMS_OF_ADDRESS or doc[k].lower_ == "sheikh"):
            k -= 1  # "the Crown Prince of Abu Dhabi, Sheikh X"
        if k < 1 or doc[k].text != ",":
            return []
        k -= 1
        org = self.org_at(doc[k])
        if org is not None:  # "The governor of Ohio, Mike DeWine"
            k = self.orgs.before_org(doc, k, org)
            if k >= 0 and doc[k].lower_ in POSSESSIVE:  # "the director of Argentina's Amnesty International"
                k -= 2 if k >= 1 and self.org_at(doc[k - 1]) is not None else 1
            if k < 0 or doc[k].lower_ not in LINKS or (doc[k].lower_ == "for" and self.is_place(org)):
                return []  # "The Minister for the Middle East, X": a place after "for" is a remit
            k -= 1
        end = k + 1
        start = _title_run_start(doc, end)
        if start is None:
            return []
        before_org, former = self.orgs.before(doc, start)
        return self._posts(doc, start, end, org if org is not None else before_org, former)

    def _apposition(self, doc: Doc, i: int, require_head_first: bool = False) -> list[Post]:
        """Read "[a|the] [former] [org|demonym|X's] title [of|for|at [the] org]" from token ``i``."""
        former = False
        org: int | None = None
        while i < len(doc) and (doc[i].lower_ in DETERMINERS or doc[i].lower_ in SKIPPABLE):
            former = former or doc[i].lower_ in FORMER_WORDS
            i += 1
        if not require_head_first:
            org, i = self.orgs.prefix(doc, i)
        start = i
        while i < len(doc) and i - start < _MAX_TITLE_TOKENS and _is_title_token(doc[i]):
            i += 1
        end = _trim_to_head(doc, start, i)
        if end is None or (end < len(doc) and doc[end].ent_type_ == "PERSON"):
            return []  # "X, Greek prime minister Y": the title is Y's, not X's
        after_org = self.orgs.after(doc, end)
        if after_org is not None:
            org = after_org
        return self._posts(doc, start, end, org, former)

    def _posts(self, doc: Doc, start: int, end: int, org: int | None, former: bool) -> list[Post]:
        if any(t.lower_ in FORMER_WORDS for t in doc[start:end]):
            former = True
        return [Post(title, org, former) for title in _split_titles(doc[start:end])]


def _is_title_token(token: Token) -> bool:
    if token.lower_ in lexicon.TITLE_WORDS_ANY or token.text in ("-", "&"):
        return True
    # Capitalised words inside a title ("Divisional Railway Manager") that name nothing themselves.
    return token.is_title and token.tag_ in ("NNP", "NN", "JJ") and not token.ent_type_


def _territorial(title: Span) -> bool:
    return title[-1].lower_ in lexicon.TERRITORIAL_TITLE_HEADS


def _known_title_words(doc: Doc, start: int) -> bool:
    """Whether every word from ``start`` to the person's name is a known title word ("Vice Chairman")."""
    i = start
    while i < len(doc) and doc[i].ent_type_ != "PERSON":
        if doc[i].lower_ not in lexicon.TITLE_WORDS_ANY and doc[i].text not in ("-", "&"):
            return False
        i += 1
    # "General" alone is as often an adjective of a name ("GNU General Public License").
    return i < len(doc) and doc[start:i].text.lower() != "general"


def _is_acronym(token: Token) -> bool:
    """An untagged all-capitals name right before a title ("WHO", "ABS-CBN") names an organisation."""
    letters = token.text.replace("-", "").replace("&", "")
    return (len(letters) >= 2 and letters.isalpha() and letters.isupper() and not token.ent_type_
            and token.lower_ not in lexicon.NOT_ORGANISATIONS)


def _title_run_start(doc: Doc, end: int) -> int | None:
    """Start of the title words ending right before ``end``, whose last word is a title head."""
    if end == 0:
        return None
    i = end - 1
    while i > 0 and doc[i].lower_ in lexicon.FORMS_OF_ADDRESS and doc[i].lower_ != "the":
        i -= 1  # "National Security Advisor Dr. X"
    if i >= 2 and doc[i].lower_ in ("elect", "designate") and doc[i - 1].text == "-":
        i -= 2  # "President-elect X", "Advisor-designate X"
    if doc[i].lower_ in lexicon.PORTFOLIOS and i >= 2 and doc[i - 1].lower_ == "of" and (
            doc[i - 2].lower_ in lexicon.TITLE_HEADS):
        i -= 2  # "Secretary of State", "Minister of Defence"
    if doc[i].lower_ not in lexicon.TITLE_HEADS:
        return None
    while i - 1 >= 0 and end - i < _MAX_TITLE_TOKENS:
        token = doc[i - 1]
        if token.ent_type_ in ("PERSON", "GPE", "NORP", "DATE", "ORG") and token.lower_ not in lexicon.TITLE_WORDS_ANY:
            break
        if token.lower_ in lexicon.DEMONYMS or token.lower_ in SKIPPABLE or token.lower_ in POSSESSIVE:
            break
        if _is_title_token(token) or (token.lower_ in ("and", "of") and doc[i].lower_ in lexicon.TITLE_WORDS_ANY
                                      and i - 2 >= 0 and doc[i - 2].lower_ in lexicon.TITLE_WORDS_ANY):
            i -= 1
            continue
        break
    while i < end and (doc[i].lower_ in ("and", "of", "-", "&") or doc[i].lower_ in lexicon.TITLE_STOP):
        i += 1
    return i if i < end else None


def _trim_to_head(doc: Doc, start: int, end: int) -> int | None:
    """Cut a title run back so it ends on a title head; None when there is none."""
    while end > start and doc[end - 1].lower_ not in lexicon.TITLE_HEADS:
        end -= 1
    return end if end > start else None


def _demonym_at(doc: Doc, i: int) -> tuple[str | None, int]:
    for length in (2, 1):
        if i + length <= len(doc):
            words = " ".join(t.lower_ for t in doc[i : i + length])
            if words in lexicon.DEMONYMS and doc[i].text[:1].isupper():
                return lexicon.DEMONYMS[words], length
    return None, 0


def _split_titles(span: Span) -> list[str]:
    """ "President and CEO" holds two titles."""
    titles, current = [], []
    for token in span:
        if token.lower_ in ("and", "&") and current and current[-1].lower_ in lexicon.TITLE_HEADS:
            titles.append(current)
            current = []
        else:
            current.append(token)
    if current:
        titles.append(current)
    out = []
    for words in titles:
        text = "".join(t.text_with_ws for t in words).strip()
        if text and any(w.lower_ in lexicon.TITLE_HEADS for w in words):
            out.append(text)
    return out


# Words inside a long title besides capitalised ones: "Minister of Defense", "Head of the Office of the President".
_LONG_TITLE_LINKS = {"of", "for", "to", "the", "and", "-", "on"}
_MAX_LONG_TITLE = 12
# Words between a long title and the name that belong to neither: "... Armed Forces Gen. Valery Zaluzhnyy".
_BETWEEN_TITLE_AND_NAME = lexicon.FORMS_OF_ADDRESS | {"gen.", "sheikh", "adm.", "lt.", "col."}


def long_title_before(ent: Span) -> str | None:
    """A title with "of"/"for" phrases right before a name, as officials write it: "Minister of Regional
    Cooperation Esawi Frej", "Secretary of State for Defence Ben Wallace". Forms of address between title and
    name ("Gen.", "Sheikh", "Dr.") are skipped; a leading demonym ("Israeli") is left out."""
    doc = ent.doc
    end = ent.start
    while end > 0 and doc[end - 1].lower_ in _BETWEEN_TITLE_AND_NAME:
        end -= 1
    start = end
    while start > 0 and end - start < _MAX_LONG_TITLE:
        token = doc[start - 1]
        hyphenated = token.lower_ == "in" and doc[token.i - 1].text == "-"  # "Commander-in-Chief of ..."
        if not (token.is_title or token.lower_ in _LONG_TITLE_LINKS or hyphenated) or token.text in POSSESSIVE:
            break
        start -= 1
    words = doc[start:end]
    while len(words) and (words[0].lower_ in _LONG_TITLE_LINKS or words[0].ent_type_ in ("NORP", "GPE")
                          or words[0].lower_ in lexicon.DEMONYMS):
        words = words[1:]
    return _long_title(words)


def long_title_after(ent: Span) -> str | None:
    """ "Scott Bessent, Secretary of the Treasury,", "Stephen Lovegrove, National Security Advisor to the Prime
    Minister": a capitalised title phrase in apposition after the name."""
    doc = ent.doc
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    end = ent.end + 1
    while end < len(doc) and end - ent.end <= _MAX_LONG_TITLE and (
            doc[end].is_title or doc[end].lower_ in _LONG_TITLE_LINKS):
        end += 1
    if end < len(doc) and doc[end].text not in (",", ".", ";", ")"):
        return None
    words = doc[ent.end + 1 : end]
    while len(words) and (words[0].ent_type_ in ("NORP", "GPE") or words[0].lower_ in lexicon.DEMONYMS):
        words = words[1:]
    return _long_title(words)


def lower_title_after(ent: Span) -> str | None:
    """ "Fang, the chief of the General Staff of the Army", "Chang, the minister of national defense,", "Dunne, the
    ministry's minister for equipment, support": a lower-case title with its "of/for" phrase in apposition."""
    doc = ent.doc
    i = ent.end
    if i + 2 >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if doc[i].lower_ in DETERMINERS:
        i += 1
    j = i
    while j < len(doc) and j - i < 5 and doc[j].is_title and doc[j].ent_type_ != "PERSON":
        j += 1
    if j < len(doc) and j > i and doc[j].text in POSSESSIVE:
        i = j + 1  # "the British Defense Ministry's minister for ..."
    start = i
    if start >= len(doc) or not doc[start].is_lower or doc[start].lower_ not in lexicon.TITLE_WORDS_ANY:
        return None
    end = start
    while end < len(doc) and doc[end].is_lower and doc[end].lower_ in lexicon.TITLE_WORDS_ANY:
        end += 1
    if end >= len(doc) or doc[end - 1].lower_ not in lexicon.TITLE_HEADS or doc[end].lower_ not in ("of", "for"):
        return None
    stop = end
    while stop < len(doc) and stop - start < _MAX_LONG_TITLE and (
            doc[stop].is_alpha and doc[stop].ent_type_ != "PERSON" or doc[stop].text == "-"):
        stop += 1
    if stop >= len(doc) or doc[stop].text not in (",", ".", ";", ")"):
        links = [n for n in range(end + 1, stop) if doc[n].lower_ in ("of", "for")]
        if not links:
            return None
        stop = links[-1]  # "chief of the General Staff [of the People's Liberation Army]"
    title = doc[start:stop]
    if len(title) < 3:
        return None
    return title.text


def _long_title(words: Span) -> str | None:
    while len(words) and words[-1].lower_ in _LONG_TITLE_LINKS:
        words = words[:-1]
    link = next((n for n, t in enumerate(words) if t.lower_ in ("of", "for", "to")), None)
    if len(words) < 3 or not link or words[link - 1].lower_ not in lexicon.TITLE_HEADS:
        return None  # "Diplomatic Advisor to ...", "Secretary of ...": a title head right before the first link
    first = words[0]
    if first.lower_ not in lexicon.TITLE_WORDS_ANY and (not first.is_title
                                                      or first.ent_type_ in ("PERSON", "GPE", "LOC")):
        return None
    if any(t.ent_type_ == "PERSON" for t in words):
        return None
    return words.text


# Small words a shouted title keeps in lower case ("SECRETARY OF STATE" -> "Secretary of State").
_SMALL_WORDS = {"of", "and", "for", "the", "on", "to", "in", "at"}


def clean_title(title: str) -> str:
    """A title without the fragments scraping and speech leave on it, and not shouted.

    Leading function words that are no title word ("So Secretary of State" in a transcript, "under
    President") are dropped ("Under Secretary" stays: a title word, capitalised); an all-capitals title
    ("SECRETARY", a transcript's speaker tag) is set in title case, its short acronyms kept ("CEO").

    >>> [clean_title(t) for t in ("So Secretary of State", "under President", "Under Secretary", "SECRETARY",
    ...                           "SECRETARY OF STATE", "CEO", "Deputy CEO")]
    ['Secretary of State', 'President', 'Under Secretary', 'Secretary', 'Secretary of State', 'CEO', 'Deputy CEO']
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    words = title.split()
    while len(words) > 1 and words[0].lower() in STOP_WORDS and (
            words[0].lower() not in lexicon.TITLE_WORDS_ANY or words[0][:1].islower()):
        words.pop(0)
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    if lettered and all(w == w.upper() for w in lettered) and any(len(w) >= 5 for w in lettered):
        spelt_out = lexicon.TITLE_WORDS_ANY - {"ceo", "cfo", "coo", "cto"}
        words = [w.lower() if w.lower() in _SMALL_WORDS and n else
                 w.capitalize() if len(w) > 3 or w.lower() in spelt_out else w
                 for n, w in enumerate(words)]
    return " ".join(words)
