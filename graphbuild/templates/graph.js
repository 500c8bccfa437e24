/* graphbuild page script. Every text from the graph goes through textContent, never innerHTML:
   names and sentences come from web articles and are untrusted. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("graph-data").textContent);
  // The relation schema (graphbuild.schema), handed over as data: colour, legend text, symmetric, with status.
  var RELATIONS = {};
  DATA.relations.forEach(function (r) { RELATIONS[r.name] = r; });
  function symmetric(type) { return !!(RELATIONS[type] && RELATIONS[type].symmetric); }
  var DIM = { background: "#e6e6e6", border: "#d0d0d0" };
  var DIM_EDGE = { color: "#e0e0e0", highlight: "#e0e0e0", hover: "#e0e0e0", opacity: 1 };
  // Times are performance.now() values (ms since navigation), kept for bench/html.py.
  var state = { stable: false, scriptAt: performance.now(), stableAt: null, focus: null };

  // Copies: the DataSets change as the user filters and focuses; DATA keeps the original look.
  // Shallow is enough: updates replace whole fields (color, font, hidden), never change DATA's objects.
  function copy(item) { return Object.assign({}, item); }
  state.parsedAt = performance.now();
  var nodes = new vis.DataSet(DATA.nodes.map(copy));
  var edges = new vis.DataSet(DATA.edges.map(copy));
  state.dataSetsAt = performance.now();
  var container = document.getElementById("network");
  // A big page (DATA.quickFirstView) is first drawn by quickView below while vis builds its network in
  // slices (buildInSlices); state.ready tells when vis has taken over. A small page is vis's from the start.
  state.quick = !!DATA.quickFirstView;
  state.ready = !state.quick;
  var network = state.quick
    ? new vis.Network(container, { nodes: new vis.DataSet(), edges: new vis.DataSet() }, DATA.options)
    : new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  state.networkAt = performance.now();
  var waiting = [];
  /* Runs fn now if vis has the whole network, else once it has. */
  function whenReady(fn) { if (state.ready) fn(); else waiting.push(fn); }
  var tooltip = document.getElementById("tooltip");
  var details = document.getElementById("details");

  function $(id) { return document.getElementById(id); }

  /* Builds an element whose text is set with textContent only. */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* The same folding as graphbuild.text.fold: no accents, lower case, words joined by one space. */
  function fold(text) {
    var plain = String(text).normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
    return (plain.match(/[\p{L}\p{N}_]+/gu) || []).join(" ");
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  /* ---------- details: the same content for the hover tooltip and the pinned panel ---------- */

  function addField(dl, term, value) {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) return;
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, Array.isArray(value) ? value.join(", ") : value));
  }

  function nodeDetails(id, maxDocs) {
    var info = DATA.nodeInfo[id];
    var box = el("div", "node-details");
    box.appendChild(el("strong", "name", info.name));
    box.appendChild(el("span", "hint", " (" + info.label + ")"));
    var dl = el("dl");
    addField(dl, "Also known as", info.aliases);
    addField(dl, "Titles", info.titles);
    addField(dl, "Mentions", info.mentions);
    addField(dl, "Connections", info.degree);
    var docs = maxDocs ? info.sources.slice(0, maxDocs) : info.sources;
    addField(dl, "Documents (" + info.sources.length + ")", docs.map(docName));
    box.appendChild(dl);
    if (docs.length < info.sources.length) {
      box.appendChild(el("p", "more", "+" + (info.sources.length - docs.length) + " more; click the node"));
    }
    var own = MEETINGS.byPerson[id] || [];
    if (own.length) meetingList(box, own, maxDocs ? 3 : 0, id);
    return box;
  }

  /* ---------- meetings: a person's, or a pair edge's, listed by date; drawn only when asked ---------- */

  var MEETINGS = DATA.meetings || { info: {}, byPerson: {}, nodes: [], edges: [] };
  var MEETING_EDGES = {};
  MEETINGS.edges.forEach(function (e) { MEETING_EDGES[e.id] = e; });

  /* One line per meeting: date, place, status when not occurred, the others there, the number of reports. */
  function meetingLine(m, without) {
    var others = m.people.map(function (p, i) { return p === without ? null : m.names[i]; })
      .filter(function (x) { return x !== null; });
    var parts = [m.date || "undated"];
    if (m.place) parts.push(m.place);
    if (m.status && m.status !== "occurred") parts.push(m.status);
    if (m.medium && m.medium !== "in person") parts.push(m.medium);
    return parts.join(", ") + ": " + (without ? "with " : "") + others.join(", ") + " (" +
      plural(m.reports, "report") + ")";
  }

  function meetingList(box, ids, max, without) {
    box.appendChild(el("dt", null, "Meetings (" + ids.length + ")"));
    var list = el("ol", "meetings");
    (max ? ids.slice(0, max) : ids).forEach(function (mid) {
      var m = MEETINGS.info[mid];
      if (!m) return;
      var item = el("li", "meeting", meetingLine(m, without));
      item.dataset.meeting = mid;
      list.appendChild(item);
    });
    box.appendChild(list);
    if (max && ids.length > max) box.appendChild(el("p", "more", "+" + (ids.length - max) + " more; click"));
  }

  function meetingDetails(id) {
    var m = MEETINGS.info[id];
    var box = el("div", "node-details");
    box.appendChild(el("strong", "name", m.name));
    box.appendChild(el("span", "hint", " (Meeting)"));
    var dl = el("dl");
    addField(dl, "Date", m.date);
    addField(dl, "Place", m.place);
    addField(dl, "Status", m.status);
    addField(dl, "Medium", m.medium);
    addField(dl, "Kind", m.kind);
    addField(dl, "People", m.names);
    addField(dl, "Reports (" + m.reports + ")", m.sources);
    box.appendChild(dl);
    m.sources.forEach(function (doc) {
      var source = articleSource(doc);
      if (source) { var p = el("p", "evidence"); p.appendChild(el("span", "doc", doc + ": ")); p.appendChild(source); box.appendChild(p); }
    });
    return box;
  }

  function participationDetails(id) {
    var e = MEETING_EDGES[id];
    var box = el("div", "edge-details");
    box.appendChild(el("strong", "relation", "PARTICIPATED_IN"));
    var from = DATA.nodeInfo[e.from] ? DATA.nodeInfo[e.from].name : e.from;
    box.appendChild(el("div", null, from + " \u2192 " + (MEETINGS.info[e.to] || {}).name));
    return box;
  }

  /* The "Show meetings" box: draws the meetings (within the date range) with their people's edges. */
  function showMeetings(on) {
    if (!state.ready) return whenReady(function () { showMeetings(on); });
    state.meetingsShown = on;
    if (!on) {
      edges.remove(MEETINGS.edges.map(function (e) { return e.id; }));
      nodes.remove(MEETINGS.nodes.map(function (n) { return n.id; }));
      return;
    }
    var positions = network.getPositions();
    nodes.add(MEETINGS.nodes.map(function (n) {
      var near = MEETINGS.edges.filter(function (e) { return e.to === n.id && positions[e.from]; });
      var item = copy(n);
      if (near.length) {
        item.x = near.reduce(function (s, e) { return s + positions[e.from].x; }, 0) / near.length + 25;
        item.y = near.reduce(function (s, e) { return s + positions[e.from].y; }, 0) / near.length + 25;
      }
      item.hidden = !meetingInRange(MEETINGS.info[n.id], dateRange());
      return item;
    }));
    edges.add(MEETINGS.edges.map(copy));
  }

  function meetingInRange(m, range) {
    var day = firstDay(m.date);
    return day ? day >= range.from && day <= range.to : range.undated;
  }

  function firstDay(date) {
    if (!date) return null;
    date = date.slice(0, 10);
    return date.length === 4 ? date + "-01-01" : date.length === 7 ? date + "-01" : date;
  }

  function edgeDetails(id, maxEvidence) {
    var info = DATA.edgeInfo[id];
    var box = el("div", "edge-details");
    box.appendChild(el("strong", "relation", info.type));
    box.appendChild(el("div", null, info.from + (symmetric(info.type) ? " \u2014 " : " \u2192 ") + info.to));
    var dl = el("dl");
    addField(dl, "Status", info.status);
    addField(dl, "Date", info.date);
    addField(dl, "Place", info.place);
    addField(dl, "Medium", info.medium);
    addField(dl, "Title", info.title);
    addField(dl, "Sources", plural(info.sources.length, "document") + ": " + info.sources.join(", "));
    box.appendChild(dl);
    box.appendChild(el("dt", null, "Evidence (" + info.evidence.length + ")"));
    var shown = maxEvidence ? info.evidence.slice(0, maxEvidence) : info.evidence;
    shown.forEach(function (ev) {
      var p = el("p", "evidence");
      p.appendChild(el("span", "doc", docName(ev.doc) + ": "));
      p.appendChild(el("span", "sentence", ev.sentence));
      if (ev.status) p.appendChild(el("span", "status-tag " + ev.status, ev.status));
      if (ev.context) p.appendChild(el("span", "context", " (named in: " + ev.context + ")"));
      var source = articleSource(ev.doc);
      if (source) p.appendChild(source);
      box.appendChild(p);
    });
    if (shown.length < info.evidence.length) {
      box.appendChild(el("p", "more", "+" + (info.evidence.length - shown.length) + " more; click the edge"));
    }
    if (info.meetings && info.meetings.length) meetingList(box, info.meetings, maxEvidence, null);
    return box;
  }

  /* ---------- articles: where each sentence was read; drawn only when asked ---------- */

  var ARTICLES = DATA.articles || { info: {}, nodes: [], edges: [] };
  var ARTICLE_EDGES = {};
  ARTICLES.edges.forEach(function (e) { ARTICLE_EDGES[e.id] = e; });

  /* Title, date and outlet of an article, and its url as a plain link (a navigation: nothing is fetched). */
  function articleSource(doc) {
    var a = ARTICLES.info[doc];
    if (!a) return null;
    var line = el("span", "article-source");
    var about = [a.title, a.date, a.outlet].filter(function (x) { return x; });
    if (about.length) line.appendChild(el("span", "article-about", about.join(" \u00b7 ")));
    if (a.url && a.link && /^https?:\/\//i.test(a.url)) {
      var link = el("a", "article-url", a.url);
      link.href = a.url;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      line.appendChild(link);
    } else if (a.url) {
      line.appendChild(el("span", "article-url", a.url));
    }
    return line.childNodes.length ? line : null;
  }

  function articleDetails(id) {
    var box = el("div", "node-details");
    var a = ARTICLES.info[id] || {};
    box.appendChild(el("strong", "name", a.title || id));
    box.appendChild(el("span", "hint", " (Article)"));
    var dl = el("dl");
    addField(dl, "Document", id);
    addField(dl, "Date", a.date);
    addField(dl, "Outlet", a.outlet);
    addField(dl, "Mentions", ARTICLES.edges.filter(function (e) { return e.from === id; }).length + " drawn entities");
    box.appendChild(dl);
    var source = articleSource(id);
    if (source && a.url) box.appendChild(source);
    return box;
  }

  function mentionsDetails(id) {
    var e = ARTICLE_EDGES[id];
    var box = el("div", "edge-details");
    box.appendChild(el("strong", "relation", "MENTIONS"));
    var to = DATA.nodeInfo[e.to] ? DATA.nodeInfo[e.to].name : e.to;
    box.appendChild(el("div", null, ((ARTICLES.info[e.from] || {}).title || e.from) + " \u2192 " + to));
    box.appendChild(el("div", null, plural(e.count, "mention")));
    return box;
  }

  function anyNodeDetails(id, max) {
    if (MEETINGS.info[id]) return meetingDetails(id);
    return ARTICLES.info[id] ? articleDetails(id) : nodeDetails(id, max);
  }
  function anyEdgeDetails(id, max) {
    if (MEETING_EDGES[id]) return participationDetails(id);
    return ARTICLE_EDGES[id] ? mentionsDetails(id) : edgeDetails(id, max);
  }

  /* The "Show articles" box: adds the articles and their MENTIONS edges next to what they mention. */
  function showArticles(on) {
    if (!state.ready) return whenReady(function () { showArticles(on); });
    if (!on) {
      edges.remove(ARTICLES.edges.map(function (e) { return e.id; }));
      nodes.remove(ARTICLES.nodes.map(function (n) { return n.id; }));
      return;
    }
    var positions = network.getPositions();
    nodes.add(ARTICLES.nodes.map(function (n) {
      var near = ARTICLES.edges.filter(function (e) { return e.from === n.id && positions[e.to]; });
      var item = copy(n);
      if (near.length) {
        item.x = near.reduce(function (s, e) { return s + positions[e.to].x; }, 0) / near.length + 40;
        item.y = near.reduce(function (s, e) { return s + positions[e.to].y; }, 0) / near.length - 40;
      }
      return item;
    }));
    edges.add(ARTICLES.edges.map(copy));
  }

  function showTooltip(content, pointer) {
    tooltip.replaceChildren(content);
    tooltip.hidden = false;
    var main = $("main");
    var x = Math.min(pointer.x + 14, Math.max(0, main.clientWidth - tooltip.offsetWidth - 4));
    var y = Math.min(pointer.y + 14, Math.max(0, main.clientHeight - tooltip.offsetHeight - 4));
    tooltip.style.left = x + "px";
    tooltip.style.top = y + "px";
  }

  function hideTooltip() { tooltip.hidden = true; tooltip.replaceChildren(); }

  function pin(content) {
    details.replaceChildren(content || el("p", "hint", "Hover over or click a node or an edge."));
  }

  network.on("hoverNode", function (p) { showTooltip(anyNodeDetails(p.node, 12), p.pointer.DOM); });
  network.on("hoverEdge", function (p) { showTooltip(anyEdgeDetails(p.edge, 3), p.pointer.DOM); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  container.addEventListener("mouseleave", hideTooltip);
  network.on("click", function (p) {
    if (p.nodes.length) pin(anyNodeDetails(p.nodes[0]));
    else if (p.edges.length) pin(anyEdgeDetails(p.edges[0], 0));
    else pin(null);
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) focusPerson(p.nodes[0]); });

  /* ---------- search and focus ---------- */

  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var hits = [];
    DATA.people.forEach(function (person) {
      var id = person[0], key = person[1], name = fold(DATA.nodeInfo[id].name);
      var rank = name === q ? 0 : name.indexOf(q) === 0 ? 1 : (" " + name).indexOf(" " + q) >= 0 ? 2
        : key.indexOf(q) >= 0 ? 3 : -1;
      if (rank >= 0) hits.push([rank, -DATA.nodeInfo[id].degree, DATA.nodeInfo[id].name, id]);
    });
    hits.sort(function (a, b) {
      for (var i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
      return 0;
    });
    return hits.map(function (h) { return h[3]; });
  }

  function renderResults() {
    quiet();
    var list = $("search-results");
    var hits = search($("search").value).slice(0, 20);
    list.replaceChildren();
    hits.forEach(function (id) {
      var info = DATA.nodeInfo[id];
      var button = el("button", null, info.name);
      button.type = "button";
      button.dataset.id = id;
      if (info.aliases.length) button.appendChild(el("span", "aka", info.aliases.slice(0, 3).join(", ")));
      button.addEventListener("click", function () { focusPerson(id); });
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!hits.length && $("search").value.trim()) list.appendChild(el("li", "hint", "No person matches."));
  }

  /* Selects a node (a person found by search, or any double-clicked node), zooms to it, and dims
     everything but it and its neighbours. */
  // Greying every other node rebuilds each node's options in vis (about 0.15 ms a node and as much an
  // edge); past this size the focus highlights the person and their neighbours by selection instead.
  var DIM_MAX_NODES = 1500;

  function focusPerson(id) {
    if (!nodes.get(id)) return false;
    quiet();
    state.focus = id;
    var keep = new Set((state.ready ? network.getConnectedNodes(id) : quickView.neighbours(id)).concat([id]));
    if (!state.ready) {  // a big page still drawn by quickView (never dimmed: DIM_MAX_NODES is below its size)
      quickView.select(Array.from(keep), quickView.edgesOf(id));
      quickView.focus(id, 1.1);
    } else if (DATA.nodes.length <= DIM_MAX_NODES) {
      nodes.update(DATA.nodes.map(function (n) {
        return { id: n.id, color: keep.has(n.id) ? n.color : DIM, font: fontWith(n, keep.has(n.id) ? "#222222" : "#bbbbbb") };
      }));
      edges.update(DATA.edges.map(function (e) {
        var near = e.from === id || e.to === id;
        return { id: e.id, color: near ? e.color : DIM_EDGE, font: { color: near ? "#444444" : "#cccccc" } };
      }));
      network.selectNodes([id], true);
    } else {
      network.setSelection({ nodes: Array.from(keep), edges: network.getConnectedEdges(id) },
                           { unselectAll: true, highlightEdges: false });
    }
    if (state.ready) network.focus(id, { scale: 1.1, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    pin(nodeDetails(id));
    $("clear-focus").hidden = false;
    $("search-results").replaceChildren();
    $("search").value = DATA.nodeInfo[id].name;
    return true;
  }

  /* The node's own font (its size) in the given colour. */
  function fontWith(n, colour) { return Object.assign({}, n.font, { color: colour }); }

  function clearFocus() {
    state.focus = null;
    if (!state.ready) {
      quickView.select([], []);
      quickView.fit();
    } else {
      if (DATA.nodes.length <= DIM_MAX_NODES) {
        nodes.update(DATA.nodes.map(function (n) { return { id: n.id, color: n.color, font: fontWith(n, "#222222") }; }));
        edges.update(DATA.edges.map(function (e) { return { id: e.id, color: e.color, font: { color: "#444444" } }; }));
      }
      network.unselectAll();
      network.fit({ animation: { duration: 300 } });
    }
    $("clear-focus").hidden = true;
    pin(null);
  }

  $("search").addEventListener("input", renderResults);
  $("search").addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      var hits = search(this.value);
      if (hits.length) focusPerson(hits[0]);
    } else if (e.key === "Escape") {
      this.value = "";
      renderResults();
    }
  });
  $("clear-focus").addEventListener("click", clearFocus);

  /* ---------- filters ---------- */

  function checkbox(parent, className, value, labelText, colour, lineClass) {
    var label = el("label", "filter");
    var box = el("input", className);
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.addEventListener("change", applyFilters);
    label.appendChild(box);
    if (colour) {
      var line = el("span", "line " + (lineClass || ""));
      line.style.borderTopColor = colour;
      label.appendChild(line);
    }
    label.appendChild(document.createTextNode(labelText));
    parent.appendChild(label);
  }

  function checkedValues(className) {
    var values = new Set();
    document.querySelectorAll("input." + className).forEach(function (b) { if (b.checked) values.add(b.value); });
    return values;
  }

  /* Hides the edges the filters exclude (and, if asked, the nodes left without an edge). */
  // What the filters hide now, so that a change updates only the items it shows or hides: vis spends
  // about 0.1 ms on each node or edge it is given, changed or not.
  var filteredOut = { nodes: {}, edges: {} };

  function applyFilters() {
    quiet();
    var types = checkedValues("type-filter"), statuses = checkedValues("status-filter");
    var minSources = Math.max(1, parseInt($("min-sources").value, 10) || 1);
    var range = dateRange();
    var visibleNodes = new Set(), changes = [], shown = 0;
    DATA.edges.forEach(function (e) {
      var info = DATA.edgeInfo[e.id];
      // A pair edge is in the period when one of its meetings is (each meeting by its own date).
      var dates = info.meetingDates && info.meetingDates.length ? info.meetingDates : [info.date ? info.date.slice(0, 10) : ""];
      var inRange = dates.some(function (d) { return d ? d >= range.from && d <= range.to : range.undated; });
      var visible = types.has(info.type) && (!info.status || statuses.has(info.status)) &&
        info.sources.length >= minSources && inRange;
      if (visible) { shown++; visibleNodes.add(e.from); visibleNodes.add(e.to); }
      if (!!filteredOut.edges[e.id] === visible) changes.push({ id: e.id, hidden: !visible });
      filteredOut.edges[e.id] = !visible;
    });
    if (changes.length) edges.update(changes);
    var hideIsolated = $("hide-isolated").checked;
    changes = [];
    DATA.nodes.forEach(function (n) {
      var hidden = hideIsolated && !visibleNodes.has(n.id);
      if (!!filteredOut.nodes[n.id] !== hidden) changes.push({ id: n.id, hidden: hidden });
      filteredOut.nodes[n.id] = hidden;
    });
    if (changes.length) nodes.update(changes);
    if (state.meetingsShown) {
      nodes.update(MEETINGS.nodes.map(function (n) {
        return { id: n.id, hidden: !meetingInRange(MEETINGS.info[n.id], range) };
      }));
    }
    $("filter-summary").textContent = shown + " of " + plural(DATA.edges.length, "edge") + " shown";
    showDateRange();
    return shown;
  }

  /* The chosen period: two sliders over the dates the edges carry, and whether undated edges show. */
  function dateRange() {
    var dates = DATA.dates, a = parseInt($("date-from").value, 10) || 0, b = parseInt($("date-to").value, 10) || 0;
    if (!dates.length) return { from: "", to: "\uffff", undated: true };
    var lo = Math.min(a, b), hi = Math.max(a, b);
    return { from: dates[lo], to: dates[hi], undated: $("undated").checked };
  }

  function buildDateFilter() {
    var dates = DATA.dates;
    if (!dates.length) {
      $("date-filter").hidden = true;
      return;
    }
    ["date-from", "date-to"].forEach(function (id, i) {
      var slider = $(id);
      slider.min = 0;
      slider.max = dates.length - 1;
      slider.value = i ? dates.length - 1 : 0;
      slider.addEventListener("input", applyFilters);
    });
    $("undated").addEventListener("change", applyFilters);
  }

  function showDateRange() {
    if (!DATA.dates.length) return;
    var r = dateRange();
    $("date-range").textContent = r.from === r.to ? r.from : r.from + " \u2013 " + r.to;
  }

  function buildControls() {
    buildDateFilter();
    showDateRange();
    DATA.legend.types.forEach(function (t) { checkbox($("type-filters"), "type-filter", t[0], t[0], t[1]); });
    DATA.legend.statuses.forEach(function (s) {
      checkbox($("status-filters"), "status-filter", s, s, "#555555", s);
    });
    if (!DATA.legend.statuses.length) $("status-filters").appendChild(el("div", "hint", "no status in this graph"));
    $("min-sources").addEventListener("input", applyFilters);
    if (ARTICLES.nodes.length) {  // hidden by default: the articles would crowd the people and places
      var label = el("label", "filter");
      var box = el("input");
      box.type = "checkbox";
      box.id = "show-articles";
      box.addEventListener("change", function () { showArticles(box.checked); });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" Show articles (" + ARTICLES.nodes.length + ")"));
      $("filter-summary").parentNode.insertBefore(label, $("filter-summary"));
    }
    if (MEETINGS.nodes.length) {  // hidden by default, like the articles
      var mlabel = el("label", "filter");
      var mbox = el("input");
      mbox.type = "checkbox";
      mbox.id = "show-meetings";
      mbox.addEventListener("change", function () { showMeetings(mbox.checked); });
      mlabel.appendChild(mbox);
      mlabel.appendChild(document.createTextNode(" Show meetings (" + MEETINGS.nodes.length + ")"));
      $("filter-summary").parentNode.insertBefore(mlabel, $("filter-summary"));
    }
    $("hide-isolated").addEventListener("change", applyFilters);
    var legend = $("legend");
    DATA.legend.labels.forEach(function (l) {
      var item = el("li");
      var swatch = el("span", "swatch", l[3]);
      swatch.style.color = l[1];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(l[0] || "(no label)"));
      legend.appendChild(item);
    });
    DATA.legend.types.forEach(function (t) {
      var item = el("li");
      var line = el("span", "line");
      line.style.borderTopColor = t[1];
      item.appendChild(line);
      var spec = RELATIONS[t[0]];
      item.appendChild(document.createTextNode(spec && spec.legend ? t[0] + " \u2014 " + spec.legend : t[0]));
      legend.appendChild(item);
    });
    // Dashed lines: each status but occurred, named after the status-carrying types drawn (MET/SPOKE_WITH planned).
    var withStatus = DATA.legend.types.map(function (t) { return t[0]; })
      .filter(function (type) { return RELATIONS[type] && RELATIONS[type].withStatus; }).join("/");
    DATA.legend.statuses.forEach(function (s) {
      if (s === "occurred") return;
      var item = el("li");
      var line = el("span", "line " + s);
      line.style.borderTopColor = "#555555";
      item.appendChild(line);
      item.appendChild(document.createTextNode((withStatus ? withStatus + " " : "") + s));
      legend.appendChild(item);
    });
    $("filter-summary").textContent = plural(DATA.edges.length, "edge") + " shown";
  }

  /* ---------- big pages: a quick first view, then vis built in slices ---------- */

  // The quick view draws what vis would at the same place and zoom (shapes, colours, sizes, edges with
  // their opacity, dashes and arrows, labels once big enough to read), in one canvas path per style:
  // vis strokes and fills every node and edge on its own. It follows the filters (hidden nodes and
  // edges) and the focus (selection and zoom); vis takes its view and selection over when it is ready.
  function makeQuickView() {
    var canvas = document.createElement("canvas");
    canvas.id = "quick-view";
    container.appendChild(canvas);
    var ctx = canvas.getContext("2d");
    var index = {}, adjacency = null, selected = { nodes: new Set(), edges: new Set() };
    var hiddenNode = new Uint8Array(DATA.nodes.length), hiddenEdge = new Uint8Array(DATA.edges.length);
    var view = { x: 0, y: 0, scale: 1 }, frame = null;
    var threshold = DATA.options.nodes.scaling.label.drawThreshold;
    var nodeGroups = groupBy(DATA.nodes, function (n) { return n.shape + " " + n.color; });
    var edgeGroups = groupBy(DATA.edges, function (e) {
      return [e.color.color, e.color.opacity, e.width, JSON.stringify(e.dashes || []), directed(e)].join(" ");
    });
    DATA.nodes.forEach(function (n, i) { index[n.id] = i; hiddenNode[i] = n.hidden ? 1 : 0; });
    var edgeIndex = {};
    DATA.edges.forEach(function (e, i) { edgeIndex[e.id] = i; hiddenEdge[i] = e.hidden ? 1 : 0; });
    var listeners = {
      nodes: function (event, p) { follow(p, index, hiddenNode); },
      edges: function (event, p) { follow(p, edgeIndex, hiddenEdge); }
    };
    nodes.on("update", listeners.nodes);
    edges.on("update", listeners.edges);
    window.addEventListener("resize", redraw);

    function groupBy(items, key) {
      var groups = new Map();
      items.forEach(function (item, i) {
        var k = key(item);
        if (!groups.has(k)) groups.set(k, { item: item, members: [] });
        groups.get(k).members.push(i);
      });
      return Array.from(groups.values());
    }
    function directed(e) { return e.arrows === "to"; }
    function follow(p, where, hidden) {
      p.items.forEach(function (id, k) {
        var change = p.data && p.data[k];
        if (where[id] !== undefined && change && "hidden" in change) hidden[where[id]] = change.hidden ? 1 : 0;
      });
      redraw();
    }
    function redraw() { if (frame === null) frame = requestAnimationFrame(function () { frame = null; draw(); }); }

    /* vis's colour for a node's border: the fill, more saturated and darker (vis util.parseColor). */
    function darker(hex) {
      var r = parseInt(hex.slice(1, 3), 16) / 255, g = parseInt(hex.slice(3, 5), 16) / 255,
        b = parseInt(hex.slice(5, 7), 16) / 255;
      var max = Math.max(r, g, b), min = Math.min(r, g, b), d = max - min, h = 0;
      if (d) h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      var s = max ? Math.min(1, (d / max) * 1.25) : 0, v = max * 0.8, c = v * s, x = c * (1 - Math.abs((h % 2) - 1));
      var rgb = h < 1 ? [c, x, 0] : h < 2 ? [x, c, 0] : h < 3 ? [0, c, x] : h < 4 ? [0, x, c] : h < 5 ? [x, 0, c] : [c, 0, x];
      return "#" + rgb.map(function (u) { return ("0" + Math.round((u + v - c) * 255).toString(16)).slice(-2); }).join("");
    }
    function rgba(hex, opacity) {
      return "rgba(" + [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); }).join(",") +
        "," + opacity + ")";
    }
    function shapePath(path, shape, x, y, r) {
      var i;
      if (shape === "square") {
        path.rect(x - r, y - r, 2 * r, 2 * r);
      } else if (shape === "triangle") {  // as vis's CanvasRenderingContext2D.triangle
        r *= 1.15; y += 0.275 * r;
        var s = 2 * r, ir = (Math.sqrt(3) / 6) * s, h = Math.sqrt(s * s - r * r);
        path.moveTo(x, y - (h - ir)); path.lineTo(x + r, y + ir); path.lineTo(x - r, y + ir); path.closePath();
      } else if (shape === "diamond") {
        path.moveTo(x, y + r); path.lineTo(x + r, y); path.lineTo(x, y - r); path.lineTo(x - r, y); path.closePath();
      } else if (shape === "hexagon") {
        path.moveTo(x + r, y);
        for (i = 1; i < 6; i++) path.lineTo(x + r * Math.cos((Math.PI / 3) * i), y + r * Math.sin((Math.PI / 3) * i));
        path.closePath();
      } else {
        path.moveTo(x + r, y); path.arc(x, y, r, 0, 2 * Math.PI);
      }
    }
    /* vis's arrow head: tip on the target's border, length 15 + 3 times the line width. */
    function arrowPath(path, e, width) {
      var a = DATA.nodes[index[e.from]], b = DATA.nodes[index[e.to]];
      var dx = b.x - a.x, dy = b.y - a.y, len = Math.sqrt(dx * dx + dy * dy);
      if (len < 1) return;
      var ux = dx / len, uy = dy / len, tx = b.x - ux * b.size, ty = b.y - uy * b.size, l = 15 + 3 * width;
      path.moveTo(tx, ty);
      path.lineTo(tx - l * ux + 0.3 * l * uy, ty - l * uy - 0.3 * l * ux);
      path.lineTo(tx - 0.9 * l * ux, ty - 0.9 * l * uy);
      path.lineTo(tx - l * ux - 0.3 * l * uy, ty - l * uy + 0.3 * l * ux);
      path.closePath();
    }
    /* The world's rectangle on screen, with a margin. */
    function screenBox(w, h, margin) {
      return { left: view.x - w / 2 / view.scale - margin, right: view.x + w / 2 / view.scale + margin,
               top: view.y - h / 2 / view.scale - margin, bottom: view.y + h / 2 / view.scale + margin };
    }
    function inside(n, box) { return n.x >= box.left && n.x <= box.right && n.y >= box.top && n.y <= box.bottom; }
    /* The part of the segment a-b inside box (Liang-Barsky), or null: a zoomed-in view does not stroke,
       nor dash, the kilometres of line off screen. */
    function clip(a, b, box) {
      var t0 = 0, t1 = 1, dx = b.x - a.x, dy = b.y - a.y;
      var p = [-dx, dx, -dy, dy], q = [a.x - box.left, box.right - a.x, a.y - box.top, box.bottom - a.y];
      for (var i = 0; i < 4; i++) {
        if (p[i] === 0) { if (q[i] < 0) return null; continue; }
        var r = q[i] / p[i];
        if (p[i] < 0) { if (r > t1) return null; if (r > t0) t0 = r; } else { if (r < t0) return null; if (r < t1) t1 = r; }
      }
      return [a.x + t0 * dx, a.y + t0 * dy, a.x + t1 * dx, a.y + t1 * dy];
    }
    function visible(e, i) { return !hiddenEdge[i] && !hiddenNode[index[e.from]] && !hiddenNode[index[e.to]]; }

    function draw() {
      var ratio = window.devicePixelRatio || 1, w = container.clientWidth, h = container.clientHeight;
      if (canvas.width !== Math.round(w * ratio) || canvas.height !== Math.round(h * ratio)) {
        canvas.width = Math.round(w * ratio);
        canvas.height = Math.round(h * ratio);
      }
      if (!state.quickFitted) { fitView(w, h); state.quickFitted = true; }
      var scale = view.scale;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * (w / 2 - view.x * scale), ratio * (h / 2 - view.y * scale));
      ctx.lineCap = "round";
      ctx.lineJoin = "round";
      var heads = [], box = screenBox(w, h, 40 / scale);
      edgeGroups.forEach(function (g) {
        var e0 = g.item, head = new Path2D(), width = Math.max(e0.width, 0.3 / scale);
        // A dash pattern under 3 pixels on screen reads as a fainter line (and costs Skia 10 times more).
        var dashes = e0.dashes || [], period = dashes.reduce(function (a, b) { return a + b; }, 0) * scale;
        var fine = dashes.length && period < 3;
        ctx.strokeStyle = rgba(e0.color.color, e0.color.opacity * (fine ? 0.6 : 1));
        ctx.lineWidth = width;
        ctx.setLineDash(fine ? [] : dashes);
        // One stroke an edge, as vis: where edges cross, their colours add up as in vis's drawing.
        g.members.forEach(function (i) {
          var e = DATA.edges[i];
          if (!visible(e, i)) return;
          var a = DATA.nodes[index[e.from]], b = DATA.nodes[index[e.to]], part = clip(a, b, box);
          if (!part) return;
          ctx.beginPath(); ctx.moveTo(part[0], part[1]); ctx.lineTo(part[2], part[3]); ctx.stroke();
          if (directed(e) && inside(b, box)) arrowPath(head, e, width);
        });
        heads.push([rgba(e0.color.color, e0.color.opacity), head]);
      });
      ctx.setLineDash([]);
      selected.edges.forEach(function (id) {
        var i = edgeIndex[id], e = DATA.edges[i];
        if (i === undefined || !visible(e, i)) return;
        var part = clip(DATA.nodes[index[e.from]], DATA.nodes[index[e.to]], box);
        if (!part) return;
        ctx.strokeStyle = rgba(e.color.color, e.color.opacity);
        ctx.lineWidth = e.width + 2;  // vis's selectionWidth
        ctx.beginPath(); ctx.moveTo(part[0], part[1]); ctx.lineTo(part[2], part[3]); ctx.stroke();
      });
      var border = 1 / scale;
      nodeGroups.forEach(function (g) {
        var path = new Path2D();
        g.members.forEach(function (i) {
          var n = DATA.nodes[i];
          if (!hiddenNode[i] && inside(n, box)) shapePath(path, n.shape, n.x, n.y, n.size);
        });
        ctx.fillStyle = g.item.color;
        ctx.fill(path);
        ctx.strokeStyle = darker(g.item.color);
        ctx.lineWidth = Math.min(border, 2 * g.item.size);
        ctx.stroke(path);
      });
      selected.nodes.forEach(function (id) {
        var n = DATA.nodes[index[id]];
        if (!n || hiddenNode[index[id]]) return;
        var path = new Path2D();
        shapePath(path, n.shape, n.x, n.y, n.size);
        ctx.fillStyle = n.color;
        ctx.fill(path);
        ctx.strokeStyle = darker(n.color);
        ctx.lineWidth = 2 * border;
        ctx.stroke(path);
      });
      heads.forEach(function (h) { ctx.fillStyle = h[0]; ctx.fill(h[1]); });
      drawLabels(w, h);
    }

    /* Labels of the nodes on screen whose text would be at least vis's drawThreshold pixels high. */
    function drawLabels(w, h) {
      var scale = view.scale, box = screenBox(w, h, 200 / scale);
      var font = DATA.options.nodes.font;
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.lineWidth = font.strokeWidth;
      ctx.strokeStyle = font.strokeColor;
      ctx.fillStyle = "#343434";
      DATA.nodes.forEach(function (n, i) {
        var size = labelSize(n, (n.font && n.font.size) || font.size, scale);
        if (hiddenNode[i] || size * scale < threshold - 1 || !n.label) return;
        if (!inside(n, box)) return;
        size = Math.min(size, 30 / scale);  // vis's maxVisible
        ctx.font = (selected.nodes.has(n.id) ? "bold " : "") + size + "px " + font.face;
        ctx.strokeText(n.label, n.x, n.y + n.size + 11);  // where vis puts it, to a pixel or two
        ctx.fillText(n.label, n.x, n.y + n.size + 11);
      });
    }

    /* As vis's fit: the nodes' extent, 10% margin, never zoomed in past 1. */
    function fitView(w, h) {
      var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
      DATA.nodes.forEach(function (n, i) {
        if (hiddenNode[i]) return;
        minX = Math.min(minX, n.x - n.size); maxX = Math.max(maxX, n.x + n.size);
        minY = Math.min(minY, n.y - n.size); maxY = Math.max(maxY, n.y + n.size);
      });
      if (minX > maxX) { view = { x: 0, y: 0, scale: 1 }; return; }
      var zoom = Math.min(w / ((maxX - minX) * 1.1 || 1), h / ((maxY - minY) * 1.1 || 1));
      view = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, scale: zoom > 1 || !zoom ? 1 : zoom };
    }

    function links() {
      if (adjacency) return adjacency;
      adjacency = {};
      DATA.edges.forEach(function (e) {
        (adjacency[e.from] = adjacency[e.from] || []).push([e.id, e.to]);
        (adjacency[e.to] = adjacency[e.to] || []).push([e.id, e.from]);
      });
      return adjacency;
    }

    return {
      canvas: canvas,
      draw: draw,
      view: function () { return view; },
      neighbours: function (id) {
        var seen = new Set();
        (links()[id] || []).forEach(function (l) { if (l[1] !== id) seen.add(l[1]); });
        return Array.from(seen);
      },
      edgesOf: function (id) { return (links()[id] || []).map(function (l) { return l[0]; }); },
      selection: function () { return { nodes: Array.from(selected.nodes), edges: Array.from(selected.edges) }; },
      select: function (ids, edgeIds) { selected = { nodes: new Set(ids), edges: new Set(edgeIds) }; redraw(); },
      focus: function (id, scale) {
        var n = DATA.nodes[index[id]];
        view = { x: n.x, y: n.y, scale: scale };
        state.quickFitted = true;
        redraw();
      },
      fit: function () { state.quickFitted = false; redraw(); },
      stop: function () {
        nodes.off("update", listeners.nodes);
        edges.off("update", listeners.edges);
        window.removeEventListener("resize", redraw);
        if (frame !== null) cancelAnimationFrame(frame);
        canvas.remove();
      }
    };
  }

  // Milliseconds of vis work between two chances for the page to answer the user and paint.
  var SLICE_MS = 40;
  // After a search, a focus or a filter, vis's building waits this long: the answer is drawn first.
  var QUIET_MS = 300;
  state.quietUntil = 0;
  function quiet() { if (!state.ready) state.quietUntil = performance.now() + QUIET_MS; }

  /* Runs fn in a task after the next frame (or after 100 ms if no frame comes, as in a hidden tab):
     back-to-back tasks would keep Chromium from painting what the page has drawn. */
  function afterFrame(fn) {
    var done = false;
    function go() { if (!done) { done = true; setTimeout(fn, 0); } }
    requestAnimationFrame(go);
    setTimeout(go, 100);
  }

  /* Hands vis the page's DataSets, then has it build its nodes and edges a slice at a time (with vis's
     own NodesHandler.add and EdgesHandler.add, as its DataSet listeners do), so that a search or a
     filter is answered between two slices. Changes to what vis has built are passed on meanwhile. */
  function buildInSlices() {
    var nh = network.nodesHandler, eh = network.edgesHandler, body = network.body;
    var handover = [[nodes, nh.nodesListeners, "nodes"], [edges, eh.edgesListeners, "edges"]];
    var passing = handover.map(function (h) {
      var data = h[0], listeners = h[1], built = body[h[2]];
      var empty = body.data[h[2]];
      Object.keys(listeners).forEach(function (event) { empty.off(event, listeners[event]); });
      body.data[h[2]] = data;
      var pass = {
        add: listeners.add,
        remove: listeners.remove,
        update: function (event, p, sender) {
          var keep = [];
          p.items.forEach(function (id, k) { if (built[id] !== undefined) keep.push(k); });
          if (!keep.length) return;
          var pick = function (list) { return list && keep.map(function (k) { return list[k]; }); };
          listeners.update(event, { items: pick(p.items), data: pick(p.data), oldData: pick(p.oldData) }, sender);
        }
      };
      Object.keys(pass).forEach(function (event) { data.on(event, pass[event]); });
      return pass;
    });
    var nodeIds = nodes.getIds(), edgeIds = edges.getIds(), i = 0, j = 0, k = 0, STEP = 250;
    var ctx = network.canvas.getContext();
    function slice() {
      if (performance.now() < state.quietUntil) { setTimeout(slice, state.quietUntil - performance.now()); return; }
      var until = performance.now() + SLICE_MS, n;
      while (i < nodeIds.length && performance.now() < until) { nh.add(nodeIds.slice(i, i + STEP), true); i += STEP; }
      while (i >= nodeIds.length && j < edgeIds.length && performance.now() < until) {
        eh.add(edgeIds.slice(j, j + STEP), true);
        j += STEP;
      }
      // Each node's size with its label, measured now rather than all at once in vis's first draw.
      while (j >= edgeIds.length && k < nodeIds.length && performance.now() < until) {
        nodeIds.slice(k, k + STEP).forEach(function (id) { n = body.nodes[id]; n.resize(ctx); n.updateBoundingBox(ctx, n.selected); });
        k += STEP;
      }
      if (k < nodeIds.length) { afterFrame(slice); return; }
      handover.forEach(function (h, m) {
        Object.keys(passing[m]).forEach(function (event) { h[0].off(event, passing[m][event]); });
        Object.keys(h[1]).forEach(function (event) { h[0].on(event, h[1][event]); });
      });
      // vis takes the quick view's place, zoom and selection over, in its first draw.
      var view = quickView.view(), chosen = quickView.selection();
      body.emitter.emit("_blockRedraw");
      network.moveTo({ position: { x: view.x, y: view.y }, scale: view.scale });
      if (chosen.nodes.length) network.setSelection(chosen, { unselectAll: true, highlightEdges: false });
      body.emitter.emit("_allowRedraw");
      network.once("afterDrawing", function () {
        quickView.stop();
        $("loading").hidden = true;
        $("physics").disabled = false;
        state.ready = true;
        interactive();
        waiting.splice(0).forEach(function (fn) { fn(); });
      });
      body.emitter.emit("_dataChanged");  // vis's own bookkeeping, once, then its first draw
    }
    slice();
  }

  function interactive() {
    state.interactiveAt = performance.now();
    document.body.dataset.interactive = "true";
  }

  /* ---------- layout: positions come from the build; physics runs only when asked ---------- */

  function drawn() {
    if (state.stable) return;
    state.stable = true;
    state.stableAt = performance.now();
    $("loading").hidden = true;
    if (DATA.focus.length) focusPerson(DATA.focus[0]);
    document.body.dataset.stable = "true";
  }

  function setPhysics(on) {
    if (!state.ready) return whenReady(function () { setPhysics(on); });
    state.physics = on;
    network.setOptions({ physics: { enabled: on } });
    $("physics").textContent = on ? "Stop physics" : "Run physics";
    $("physics").setAttribute("aria-pressed", on ? "true" : "false");
  }

  $("physics").addEventListener("click", function () { setPhysics(!state.physics); });
  state.physics = false;
  var quickView = null;
  if (!DATA.nodes.length) {
    $("loading").textContent = "This graph is empty.";
    drawn();
    $("loading").hidden = false;
  } else if (state.quick) {
    quickView = makeQuickView();
    $("physics").disabled = true;
    requestAnimationFrame(function () {  // drawn in a frame, as vis draws
      quickView.draw();
      drawn();
      $("loading").textContent = "Getting zoom, drag and hover ready\u2026";
      $("loading").hidden = false;
      afterFrame(buildInSlices);
    });
  } else {
    network.once("afterDrawing", drawn);
  }
  if (state.ready) interactive();

  buildControls();

  /* For tests and for the curious, from the browser console. */
  window.graphbuild = {
    network: network, nodes: nodes, edges: edges, data: DATA, state: state,
    search: search, focusPerson: focusPerson, clearFocus: clearFocus, applyFilters: applyFilters,
    showArticles: showArticles, setPhysics: setPhysics, dateRange: dateRange, quickView: quickView,
    whenReady: whenReady
  };
  /* ---------- first sight: unconnected nodes hidden, filters re-fit, hub labels legible, edge labels on hover ---------- */

  // Labels of the hubs (DATA.hubs: the best-connected nodes) are kept at least this many pixels high on screen.
  var LEGIBLE_PX = 13;
  var HUBS = new Set(DATA.hubs || []);

  /* An article's title (else its document id), as evidence and details name it. */
  function docName(doc) {
    var a = (DATA.articles && DATA.articles.info[doc]) || {};
    return a.title || doc;
  }

  /* The font size (world units) a node's label is drawn at: a hub's never under LEGIBLE_PX on screen. */
  function labelSize(n, size, scale) {
    return HUBS.has(n.id) && scale > 0 ? Math.max(size, LEGIBLE_PX / scale) : size;
  }

  var lastScale = null;
  var FONTS = {};
  DATA.nodes.forEach(function (n) { FONTS[n.id] = n.font || {}; });
  /* vis draws a node's label at its font size times the zoom: hubs get a bigger font as the view zooms out. */
  function boostHubLabels() {
    if (!state.ready || !HUBS.size) return;
    var scale = network.getScale();
    if (lastScale !== null && Math.abs(scale - lastScale) < 1e-3 * lastScale) return;
    lastScale = scale;
    nodes.update(Array.from(HUBS).filter(function (id) { return nodes.get(id); }).map(function (id) {
      var base = FONTS[id].size || DATA.options.nodes.font.size, current = nodes.get(id).font || {};
      return { id: id, font: Object.assign({}, current, { size: labelSize({ id: id }, base, scale) }) };
    }));
  }
  network.on("afterDrawing", function () { if (state.ready) requestAnimationFrame(boostHubLabels); });

  /* An edge shows its type while hovered, as big on screen as a hub's label. */
  network.on("hoverEdge", function (p) {
    if (!state.ready || !DATA.edgeInfo[p.edge]) return;
    edges.update({ id: p.edge, label: DATA.edgeInfo[p.edge].type,
                   font: { size: LEGIBLE_PX / network.getScale(), color: "#222222" } });
  });
  network.on("blurEdge", function (p) {
    if (state.ready && DATA.edgeInfo[p.edge]) edges.update({ id: p.edge, label: "" });
  });

  /* The drawing fitted to what is visible (hidden nodes left out), unless a person is in focus. */
  function fitVisible() {
    if (state.focus) return;
    if (!state.ready) { if (quickView) quickView.fit(); return; }
    network.fit();
  }

  // Unconnected nodes start hidden (the build marks them): the box says so and how many there are.
  DATA.nodes.forEach(function (n) { if (n.hidden) filteredOut.nodes[n.id] = true; });
  $("hide-isolated").checked = DATA.hideIsolated !== false;
  if (DATA.unconnected) {
    $("hide-isolated").parentNode.appendChild(document.createTextNode(" (" + DATA.unconnected + " have none at all)"));
  }
  // graphbuild.toml's [page] defaults: the relation types and statuses ticked, the minimum of sources.
  var DEFAULTS = DATA.defaults || {};
  if (DEFAULTS.relations) {
    document.querySelectorAll("input.type-filter").forEach(function (b) { b.checked = DEFAULTS.relations.indexOf(b.value) >= 0; });
  }
  if (DEFAULTS.statuses) {
    document.querySelectorAll("input.status-filter").forEach(function (b) { b.checked = DEFAULTS.statuses.indexOf(b.value) >= 0; });
  }
  if (DEFAULTS.min_sources) $("min-sources").value = DEFAULTS.min_sources;
  if (DEFAULTS.relations || DEFAULTS.statuses || DEFAULTS.min_sources) applyFilters();
  // Every filter change re-fits the view (after the filter's own handler has run).
  ["change", "input"].forEach(function (type) {
    $("sidebar").addEventListener(type, function (e) {
      if (e.target.matches("input.type-filter, input.status-filter, #min-sources, #date-from, #date-to, #undated, #hide-isolated, #show-articles")) {
        setTimeout(fitVisible, 0);
      }
    });
  });
  if (!state.quick) network.once("afterDrawing", function () { network.fit(); });

  /* ---------- the table of visible contacts, its CSV, and a PNG of the view ---------- */

  var CONTACT_TYPES = new Set(DATA.contactTypes || []);
  var COLUMNS = [["date", "Date"], ["person", "Person"], ["other", "Contact"], ["type", "Type"],
                 ["status", "Status"], ["place", "Place"], ["sources", "Sources"]];
  var sortBy = { key: "date", dir: 1 };

  /* The contacts (person-to-person edges) the filters show; with a person in focus, only theirs. */
  function visibleContacts() {
    var rows = [];
    DATA.edges.forEach(function (e) {
      var info = DATA.edgeInfo[e.id];
      if (!info || !CONTACT_TYPES.has(info.type) || filteredOut.edges[e.id]) return;
      if (state.focus && e.from !== state.focus && e.to !== state.focus) return;
      var a = info.from, b = info.to;
      if (state.focus && e.to === state.focus) { a = info.to; b = info.from; }
      rows.push({ id: e.id, date: info.date || "", person: a, other: b, type: info.type, status: info.status || "",
                  place: info.place || "", medium: info.medium || "",
                  sources: info.sources.map(docName).join("; "), docs: info.sources.join("; ") });
    });
    rows.sort(function (x, y) {
      var p = x[sortBy.key], q = y[sortBy.key];
      if (p === q) return x.person < y.person ? -1 : x.person > y.person ? 1 : x.other < y.other ? -1 : 1;
      if (!p) return 1;  // empty cells last, either way
      if (!q) return -1;
      return (p < q ? -1 : 1) * sortBy.dir;
    });
    return rows;
  }

  function renderTable() {
    var rows = visibleContacts();
    var head = el("tr");
    COLUMNS.forEach(function (c) {
      var th = el("th", null, c[1]);
      th.dataset.key = c[0];
      if (sortBy.key === c[0]) th.setAttribute("aria-sort", sortBy.dir > 0 ? "ascending" : "descending");
      th.addEventListener("click", function () {
        sortBy = { key: c[0], dir: sortBy.key === c[0] ? -sortBy.dir : 1 };
        renderTable();
      });
      head.appendChild(th);
    });
    $("contacts-table").tHead.replaceChildren(head);
    var body = $("contacts-table").tBodies[0];
    body.replaceChildren();
    rows.forEach(function (r) {
      var tr = el("tr");
      tr.dataset.edge = r.id;
      COLUMNS.forEach(function (c) { tr.appendChild(el("td", null, r[c[0]])); });
      tr.addEventListener("click", function () { pin(edgeDetails(r.id, 0)); });
      body.appendChild(tr);
    });
    $("table-title").textContent = plural(rows.length, "contact") + " shown" +
      (state.focus ? " for " + DATA.nodeInfo[state.focus].name : "") + " (click a header to sort)";
    return rows.length;
  }

  function showTable(on) {
    $("table-view").hidden = !on;
    $("show-table").setAttribute("aria-pressed", on ? "true" : "false");
    if (on) renderTable();
  }

  /* A CSV field: quoted, quotes doubled; a leading = + - @ is escaped so a spreadsheet does not run it. */
  function csvField(value) {
    var text = String(value === undefined || value === null ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function contactsCsv() {
    var keys = ["date", "person", "other", "type", "status", "place", "medium", "docs", "sources"];
    var lines = [keys.map(csvField).join(",")];
    visibleContacts().forEach(function (r) { lines.push(keys.map(function (k) { return csvField(r[k]); }).join(",")); });
    return lines.join("\r\n") + "\r\n";
  }

  function download(name, blob) {
    var link = el("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  /* The canvas on screen (the quick view's until vis has taken over), on white. */
  function viewPng(done) {
    var source = state.ready ? container.querySelector("canvas:not(#quick-view)") : quickView.canvas;
    var out = document.createElement("canvas");
    out.width = source.width;
    out.height = source.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    out.toBlob(done, "image/png");
  }

  $("show-table").addEventListener("click", function () { showTable($("table-view").hidden); });
  $("close-table").addEventListener("click", function () { showTable(false); });
  $("download-csv").addEventListener("click", function () {
    download("contacts.csv", new Blob([contactsCsv()], { type: "text/csv;charset=utf-8" }));
  });
  $("download-png").addEventListener("click", function () { viewPng(function (blob) { download("graph.png", blob); }); });
  // The table follows the filters and the focus while it is open.
  ["change", "input"].forEach(function (type) {
    $("sidebar").addEventListener(type, function () { if (!$("table-view").hidden) setTimeout(renderTable, 0); });
  });
  $("clear-focus").addEventListener("click", function () { if (!$("table-view").hidden) renderTable(); });
  // ... and a new focus (search, double click): every caller finds focusPerson by name when it runs.
  focusPerson = (function (focus) {
    return function (id) {
      var done = focus(id);
      if (!$("table-view").hidden) renderTable();
      return done;
    };
  })(focusPerson);

  Object.assign(window.graphbuild, {
    fitVisible: fitVisible, visibleContacts: visibleContacts, contactsCsv: contactsCsv, showTable: showTable,
    renderTable: renderTable, viewPng: viewPng, labelSize: labelSize, focusPerson: focusPerson
  });
})();
