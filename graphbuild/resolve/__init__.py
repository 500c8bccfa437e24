"""Stage 3, resolve: the per-document records of every document merged into entities, facts and
the networkx graph (:mod:`.entities`, then :mod:`.graph`). Runs once per build, on one machine."""
