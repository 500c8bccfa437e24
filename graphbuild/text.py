"""Text normalisation shared by the build and the queries: the folded form names are compared in."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Lower-case, strip accents and punctuation: the form names are compared in.

    >>> fold("João  Lourenço-Silva")
    'joao lourenco silva'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", text.lower()))
