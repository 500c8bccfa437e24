"""When and where a stated relation took place: a DATE entity and an "in/at" place attached to its trigger."""

from __future__ import annotations

from graphbuild.dates import normalize_date
from graphbuild.extract.mentions import DocRecord
from graphbuild.extract.slots import SlotReader
from graphbuild.extract.status import contact_status
from graphbuild.schema import LOCATION, PLANNED


class Situation:
    def __init__(self, record: DocRecord, slots: SlotReader) -> None:
        self.record = record
        self.slots = slots
        # DATE entities by the token they hang from, directly or through a preposition (no scan per relation).
        self._dates: dict[int, list] = {}
        for ent in record.doc.ents:
            if ent.label_ == "DATE":
                heads = {ent.root.head.i}
                if ent.root.head.dep_ == "prep":
                    heads.add(ent.root.head.head.i)
                for head in heads:
                    self._dates.setdefault(head, []).append(ent)

    def place(self, match) -> str | None:
        """Where a meeting took place: an "in/at" phrase on the trigger or its participants."""
        doc = self.record.doc
        candidates = [match.anchor, match.trigger] + [doc[i] for i in sorted(match.names.get("object", ()))]
        for token in candidates:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            index = self.record.mention_of(pobj, {LOCATION})
                            if index is None:
                                index = self.slots.place_through_of(pobj)
                            if index is not None:
                                return self.record.mentions[index].text
        return None

    def date(self, match) -> str | None:
        """When: a DATE entity attached to the trigger (directly or through a preposition).

        A day named without its week or year ("on Monday") is read before the article's date, or after it
        when the sentence plans the meeting ("will meet on Monday").
        """
        attached = {ent.start: ent for head in {match.anchor.i, match.trigger.i} for ent in self._dates.get(head, ())}
        if not attached:
            return None
        future = contact_status(match.trigger, getattr(match, "verb", None)) == PLANNED
        for start in sorted(attached):
            date = normalize_date(attached[start].text, self.record.clean.date, future)
            if date:
                return date
        return None
