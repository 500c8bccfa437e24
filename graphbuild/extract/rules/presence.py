"""The handler shared by relations from a person to where they were (VISITED, ATTENDED)."""

from __future__ import annotations

from graphbuild.extract.status import happened


def relate_presence(match, ctx, targets) -> None:
    """Each subject person to each target the object slot names; recorded only when it happened.

    ``targets`` turns the object slot's token indices into mention indices (places, events).
    """
    subjects = ctx.slots.people(match.names.get("subject", ()))
    if not subjects or not happened(match.anchor):
        return
    found = targets(match.names.get("object", ()))
    date = ctx.situation.date(match)
    for subject in subjects:
        for target in found:
            ctx.record.relate(match.relation, subject, target, match.trigger, date=date)
