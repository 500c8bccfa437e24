"""Cleaner: junk removal, glued-word repair, and the exact offset map back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graphbuild.ingest.cleaner import SPACE_LIKE, Mapped, clean
from graphbuild.models import CleanDocument, Document

try:
    import wordfreq  # noqa: F401
except ImportError:
    HAS_WORDFREQ = False
else:
    HAS_WORDFREQ = True
needs_wordfreq = pytest.mark.skipif(not HAS_WORDFREQ, reason="word frequencies come from wordfreq")

BODY = (
    "The foreign ministers of Norway and Chile met in Oslo on Monday to discuss fisheries.\n\n"
    "According to a statement, the two sides agreed to hold further talks in Santiago in March. "
    "Officials said the meeting lasted about 3.5 hours.\n\n"
    "Norway's minister, Anne Berg, told reporters the U.S. had been invited but declined."
)


def run(text: str) -> CleanDocument:
    return clean(Document("t", text, "test"))


def check_offsets(doc: CleanDocument) -> None:
    """Every cleaned char is its original char, a 1:1 space for an odd space, or an inserted space."""
    assert len(doc.offsets) == len(doc.text) + 1
    assert doc.offsets == sorted(doc.offsets)
    for i, ch in enumerate(doc.text):
        orig = doc.original[doc.offsets[i]]
        inserted = ch == " " and doc.offsets[i] == doc.offsets[i + 1] and orig != " "
        assert ch == orig or inserted or (ch == " " and ord(orig) in SPACE_LIKE), (i, ch, orig)
        if i + 1 < len(doc.text) and not inserted:
            assert doc.offsets[i + 1] > doc.offsets[i]


def paragraphs(doc: CleanDocument) -> list[str]:
    return [p.strip() for p in doc.text.split("\n") if p.strip()]


# --- clean text stays as it is -------------------------------------------------------------


def test_clean_news_text_is_unchanged() -> None:
    doc = run(BODY)
    assert doc.text == BODY
    assert doc.offsets == list(range(len(BODY) + 1))
    assert doc.removed == []


def test_metadata_is_carried_over() -> None:
    doc = clean(Document("x", "Body.", "src", title="T", date="2024-01-02", url="https://e.org"))
    assert (doc.id, doc.title, doc.date, doc.url, doc.original) == ("x", "T", "2024-01-02", "https://e.org", "Body.")


def test_interview_answers_and_quotes_are_kept() -> None:
    text = (
        "Q: Did you vote?\nA: Yes.\nQ: Again?\nA: Yes.\n"
        '"We will keep reporting the facts and support our readers," the editor said.\n'
        "The debates, sponsored by the commission, were held in Ohio.\n"
    )
    assert run(text).text == text


# --- junk ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "junk",
    [
        "Advertisement",
        "Sponsored content",
        "Share this article",
        "Story continues below advertisement",
        "Sponsored by Example Bank",
        "Our new savings account pays more every month. Learn more about it at your local branch.",
        "Stay up to date with notifications from Example Daily",
        "Notifications can be managed in browser preferences.",
        "Your support helps us to tell the story",
        "Your donation allows us to keep sending journalists to the front line.",
        "Thank you for registering",
        "Please refresh the page or navigate to another page on the site to be automatically logged in",
        "Sign up for our daily newsletter to get the best stories in your inbox.",
        "Subscribe now for unlimited access.",
        "Already a subscriber? Log in here.",
        "Agency News/Handout via REUTERS",
        "REUTERS/Jane Doe",
        "Photo: Jane Doe/Example Agency",
        "Getty Images",
        "Via AP news wire",
        "By Jane Doe and John Roe",
        "Reporting by Jane Doe; Editing by John Roe",
        "2025-05-03 04:282092 view",
        "12 Nov 2024, 10:15 am · 5 min read",
        "Thursday 14 November 2024 05:47 GMT",
        "Read more: Ministers to meet again in spring",
    ],
)
def test_junk_line_is_removed(junk: str) -> None:
    doc = run(f"{BODY}\n\n{junk}\n\nThe talks ended with a joint statement.")
    assert junk not in doc.text
    assert paragraphs(doc) == paragraphs(run(BODY)) + ["The talks ended with a joint statement."]
    assert len(doc.removed) == 1
    check_offsets(doc)


@pytest.mark.parametrize("marker", ["More from Example News", "Related", "Read more", "Recommended for you",
                                    "You may also like", "Most popular:", "More on this story",
                                    "MORE FROM THE WORLD DESK"])
def test_teaser_section_is_cut_to_the_end(marker: str) -> None:
    teasers = "Another story about a summit in Rome.\n\nA third story about a visit to Delhi."
    doc = run(f"{BODY}\n\n{marker}\n\n{teasers}")
    assert paragraphs(doc) == paragraphs(run(BODY))
    assert doc.removed[0].startswith("teaser marker")
    assert all(r.startswith("teaser") for r in doc.removed)


@pytest.mark.parametrize("heading", ["More in common than it seems", "By the numbers", "Related parties",
                                     "Read the statement"])
def test_headings_that_look_like_markers_are_kept(heading: str) -> None:
    text = f"{BODY}\n\n{heading}\n\nThe ministers will meet again in June."
    assert run(text).text == text


def test_junk_first_line_is_not_the_title() -> None:
    doc = clean(Document("t", "Sign up for our newsletter\nMinisters meet in Oslo\n\n" + BODY, "x",
                         title="Sign up for our newsletter"))
    assert doc.title == "Ministers meet in Oslo"
    assert clean(Document("t", BODY, "x", title="Fisheries talks")).title == "Fisheries talks"


def test_section_marker_before_any_article_drops_only_itself() -> None:
    doc = run(f"Related\n\n{BODY}")
    assert doc.text == BODY


def test_appeal_block_between_prompts_is_removed() -> None:
    text = (
        f"{BODY}\n\nYour support helps us to tell the story\n\n"
        "From politics to climate, we are on the ground when the story is developing.\n\n"
        "We believe independent journalism should be free for all our readers.\n\n"
        "Ministers will meet again in June."
    )
    doc = run(text)
    assert paragraphs(doc) == paragraphs(run(BODY)) + ["Ministers will meet again in June."]
    assert [r.split(":")[0] for r in doc.removed] == ["prompt", "appeal", "appeal"]


def test_repeated_caption_keeps_first_occurrence() -> None:
    caption = "The minister attends a meeting with his counterpart in Oslo, Norway, October 14, 2024."
    doc = run(f"{caption}\n{caption}\nAgency/Handout via REUTERS\n\n{BODY}")
    assert paragraphs(doc) == [caption] + paragraphs(run(BODY))
    check_offsets(doc)


def test_image_label_repeated_in_credit() -> None:
    doc = run(f"Norway Chile\nNorway Chile (AP)\n\n{BODY}")
    assert doc.text == BODY


def test_inline_photo_credits() -> None:
    doc = run("Ministers arrive in Oslo on Monday (AP Photo/Jane Doe).\nLeaders wave. REUTERS/John Roe\n")
    assert doc.text == "Ministers arrive in Oslo on Monday.\nLeaders wave.\n"
    check_offsets(doc)


def test_truncated_teaser_lines_of_one_width() -> None:
    teasers = [
        "The regular season is entering the final four weeks of action, and teams are beginning to s",
        "More than half a year into the city's ambitious program to clear tent encampments in the ce",
        "It feels like the perfect night for the singer to give her young fan a very special gift wh",
    ]
    assert len({len(t) for t in teasers}) == 1
    doc = run(BODY + "\n" + "\n".join(teasers))
    assert doc.text.rstrip("\n") == BODY


def test_truncated_last_line() -> None:
    doc = run(BODY + "\n\nA horrific crash on the main highway late last night has left many people de")
    assert paragraphs(doc) == paragraphs(run(BODY))


def test_short_last_line_cut_mid_word() -> None:
    doc = run(BODY + "\n\nLeaders are beginning to s")
    assert paragraphs(doc) == paragraphs(run(BODY))


def test_last_paragraph_without_full_stop_is_kept() -> None:
    text = BODY + "\n\nIn other results, Oslo defeated Bergen 43–5, and Molde beat Tromsø 32–22"
    assert run(text).text == text


def test_headline_and_standfirst_without_full_stops_are_kept() -> None:
    text = (
        "Ministers meet in Oslo to discuss the future of fisheries in the north\n\n"
        "The foreign ministers of two countries met in Norway as quotas are renegotiated\n\n" + BODY
    )
    assert run(text).text == text


# --- glued words ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("glued", "fixed"),
    [
        ("They met on Blake PrestonSunday, officials said.", "They met on Blake Preston Sunday, officials said."),
        ("It was a special gift.While she smiled, he left.", "It was a special gift. While she smiled, he left."),
        ("He lived inParis for years.", "He lived in Paris for years."),
        ("The talks ended.Please note the date.", "The talks ended. Please note the date."),
        ('He said "we agree."The talks ended.', 'He said "we agree." The talks ended.'),
        ("It ended in Afghanistan.Trump then left.", "It ended in Afghanistan. Trump then left."),
        ("The mayor Jo JorgensenImage: Jo Jorgensen.", "The mayor Jo Jorgensen Image: Jo Jorgensen."),
    ],
)
def test_glued_words_are_repaired(glued: str, fixed: str) -> None:
    doc = run(glued)
    assert doc.text == fixed
    check_offsets(doc)


@needs_wordfreq
def test_known_name_glued_to_lowercase_word() -> None:
    text = (
        "Andrei Belousov, the defence minister, arrived on Monday.\n\n"
        "Defence Minister Andrei Belousovmet with his counterpart on Tuesday."
    )
    doc = run(text)
    assert "Andrei Belousov met with" in doc.text
    start = doc.text.index("Andrei Belousov met")
    s, e = doc.to_original(start, start + len("Andrei Belousov"))
    assert doc.original[s:e] == "Andrei Belousov"
    check_offsets(doc)


def test_name_glue_needs_the_name_elsewhere() -> None:
    text = "Defence Minister Andrei Belousovmet with his counterpart on Tuesday."
    assert run(text).text == text


@pytest.mark.parametrize(
    "word",
    [
        "McDonald", "iPhone", "YouTube", "PlayStation", "JavaScript", "LinkedIn", "DeSantis", "McConnell",
        "O'Neill", "U.S.", "e.g.", "3.5", "https://example.com/News.Today", "jane.doe@Example.org", "eBay",
        "iOS", "macOS", "MacArthur", "LaGuardia", "EastMed", "CalFire", "ThePrint", "HomePlus", "BioNTech",
        "Ph.D.", "St.Louis", "No.1", "a.m.", "WalesOnline", "WikiLeaks", "OpenAI", "Node.js", "ASP.NET",
    ],
)
def test_no_false_repairs(word: str) -> None:
    text = f"The report mentions {word} twice, and then {word} again."
    doc = run(text)
    assert doc.text == text


def test_to_original_maps_spans_across_insertions() -> None:
    doc = run("Leaders met on Blake PrestonSunday in Oslo.")
    start = doc.text.index("Preston Sunday")
    s, e = doc.to_original(start, start + len("Preston Sunday"))
    assert doc.original[s:e] == "PrestonSunday"
    s, e = doc.to_original(doc.text.index("Oslo"), doc.text.index("Oslo") + 4)
    assert doc.original[s:e] == "Oslo"


def test_non_breaking_spaces_become_spaces_one_to_one() -> None:
    doc = run("Talks in\u00a0Oslo lasted 3\u202fhours.")
    assert doc.text == "Talks in Oslo lasted 3 hours."
    assert doc.offsets == list(range(len(doc.text) + 1))


def test_curly_quotes_are_kept() -> None:
    text = "“We agree,” he said. It’s done."
    assert run(text).text == text


def test_mapped_delete_and_insert() -> None:
    m = Mapped.of("abc\ndef").delete([(1, 2), (3, 4)]).insert_spaces([2])
    assert (m.text, m.offsets) == ("ac def", [0, 2, 4, 4, 5, 6, 7])
    assert Mapped.of("abc").delete([(0, 3)]).offsets == [0]


# --- property: the offset map is always exact -----------------------------------------------

TOKENS = [
    "Preston", "Sunday", "PrestonSunday", "gift.While", "inPlease", "Belousov", "Belousovmet", "met", "with",
    "McDonald", "U.S.", "e.g.", "3.5", "REUTERS/Stringer", "Advertisement", "More from", "Related",
    "Your support helps us", "2025-05-03 04:282092 view", "via REUTERS", "Photo:", "(AP Photo/X Y)", "the",
    "said.", "Sign up for our newsletter", "\u00a0", "\n", "\n\n", "“quoted”", "Getty Images", "By Jane Doe",
    "word", "sentence.", "cut mid-wo", "https://x.org/A.B", "Ann.Lee", "Ok!Then", "é", "日本",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=40), st.lists(st.sampled_from([" ", "", "\n", "  "]),
                                                               min_size=40, max_size=40))
def test_offsets_exact_for_token_soup(tokens: list[str], seps: list[str]) -> None:
    text = "".join(tok + sep for tok, sep in zip(tokens, seps, strict=False))
    check_offsets(run(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Z", "Cc")), max_size=300))
def test_offsets_exact_for_random_text(text: str) -> None:
    doc = run(text)
    check_offsets(doc)
    if doc.text:
        s, e = doc.to_original(0, len(doc.text))
        assert 0 <= s <= e <= len(text)


def test_zero_width_and_bidi_characters_are_removed_keeping_the_offsets() -> None:
    text = "Peter No\u200bvak met \u202aAnna\u202c Wei\u00adss in Ber\u2060lin.\ufeff"
    doc = run(text)
    assert doc.text == "Peter Novak met Anna Weiss in Berlin."
    for i, ch in enumerate(doc.text):
        assert text[doc.offsets[i]] == ch


def test_a_name_before_a_comma_is_not_split_at_a_shorter_name():
    from graphbuild.ingest.cleaner import Mapped, repair_glued

    text = "Gen. Chang Wanhe met Gen. Fan Changlong, vice chairman. Ann Lee left. Ann Leemet with Fan."
    repaired = repair_glued(Mapped.of(text)).text
    assert "Fan Changlong," in repaired and "Ann Lee met" in repaired
