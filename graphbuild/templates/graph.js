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
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  state.networkAt = performance.now();
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
    addField(dl, "Documents (" + info.sources.length + ")", docs);
    box.appendChild(dl);
    if (docs.length < info.sources.length) {
      box.appendChild(el("p", "more", "+" + (info.sources.length - docs.length) + " more; click the node"));
    }
    return box;
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
      p.appendChild(el("span", "doc", ev.doc + ": "));
      p.appendChild(el("span", "sentence", ev.sentence));
      if (ev.context) p.appendChild(el("span", "context", " (named in: " + ev.context + ")"));
      var source = articleSource(ev.doc);
      if (source) p.appendChild(source);
      box.appendChild(p);
    });
    if (shown.length < info.evidence.length) {
      box.appendChild(el("p", "more", "+" + (info.evidence.length - shown.length) + " more; click the edge"));
    }
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

  function anyNodeDetails(id, max) { return ARTICLES.info[id] ? articleDetails(id) : nodeDetails(id, max); }
  function anyEdgeDetails(id, max) { return ARTICLE_EDGES[id] ? mentionsDetails(id) : edgeDetails(id, max); }

  /* The "Show articles" box: adds the articles and their MENTIONS edges next to what they mention. */
  function showArticles(on) {
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
    state.focus = id;
    var keep = new Set(network.getConnectedNodes(id).concat([id]));
    if (DATA.nodes.length <= DIM_MAX_NODES) {
      nodes.update(DATA.nodes.map(function (n) {
        return { id: n.id, color: keep.has(n.id) ? n.color : DIM, font: { color: keep.has(n.id) ? "#222222" : "#bbbbbb" } };
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
    network.focus(id, { scale: 1.1, animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    pin(nodeDetails(id));
    $("clear-focus").hidden = false;
    $("search-results").replaceChildren();
    $("search").value = DATA.nodeInfo[id].name;
    return true;
  }

  function clearFocus() {
    state.focus = null;
    if (DATA.nodes.length <= DIM_MAX_NODES) {
      nodes.update(DATA.nodes.map(function (n) { return { id: n.id, color: n.color, font: { color: "#222222" } }; }));
      edges.update(DATA.edges.map(function (e) { return { id: e.id, color: e.color, font: { color: "#444444" } }; }));
    }
    network.unselectAll();
    network.fit({ animation: { duration: 300 } });
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
  function applyFilters() {
    var types = checkedValues("type-filter"), statuses = checkedValues("status-filter");
    var minSources = Math.max(1, parseInt($("min-sources").value, 10) || 1);
    var range = dateRange();
    var visibleNodes = new Set(), changes = [], shown = 0;
    DATA.edges.forEach(function (e) {
      var info = DATA.edgeInfo[e.id];
      var date = info.date ? info.date.slice(0, 10) : null;
      var visible = types.has(info.type) && (!info.status || statuses.has(info.status)) &&
        info.sources.length >= minSources && (date ? date >= range.from && date <= range.to : range.undated);
      if (visible) { shown++; visibleNodes.add(e.from); visibleNodes.add(e.to); }
      changes.push({ id: e.id, hidden: !visible });
    });
    edges.update(changes);
    var hideIsolated = $("hide-isolated").checked;
    nodes.update(DATA.nodes.map(function (n) { return { id: n.id, hidden: hideIsolated && !visibleNodes.has(n.id) }; }));
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
    state.physics = on;
    network.setOptions({ physics: { enabled: on } });
    $("physics").textContent = on ? "Stop physics" : "Run physics";
    $("physics").setAttribute("aria-pressed", on ? "true" : "false");
  }

  $("physics").addEventListener("click", function () { setPhysics(!state.physics); });
  state.physics = false;
  network.once("afterDrawing", drawn);
  if (!DATA.nodes.length) {
    $("loading").textContent = "This graph is empty.";
    drawn();
    $("loading").hidden = false;
  }

  buildControls();

  /* For tests and for the curious, from the browser console. */
  window.graphbuild = {
    network: network, nodes: nodes, edges: edges, data: DATA, state: state,
    search: search, focusPerson: focusPerson, clearFocus: clearFocus, applyFilters: applyFilters,
    showArticles: showArticles, setPhysics: setPhysics, dateRange: dateRange
  };
})();
