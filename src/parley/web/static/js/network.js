// The stance network: actors as nodes (coloured by kind, boxed by side), stance edges coloured
// by type and weighted by evidence. Filters live in the address (/network?since=...&min_weight=...),
// so every view can be linked; the layout is seeded, so one view always looks the same.
(function () {
  "use strict";
  var SEED = 20200618;
  var css = getComputedStyle(document.documentElement);
  function colour(name, fallback) { return (css.getPropertyValue("--" + name) || "").trim() || fallback; }
  var LINE_STYLES = {rejects: "dashed", threatens: "dashed", calls_on: "dotted"};
  var form = document.getElementById("filters");
  var finder = document.getElementById("find");
  var findInput = document.getElementById("find-actor");
  var nameList = document.getElementById("actor-names");
  var grouping = document.getElementById("group-sides");
  var slider = document.getElementById("min-weight");
  var sliderValue = document.getElementById("min-weight-value");
  var status = document.getElementById("graph-status");
  var box = document.getElementById("cy");
  var panel = document.getElementById("edge-body");
  var cy = null, names = {}, graph = null, summary = "";
  window.parleyNetwork = function () { return cy; };  // for tests and the curious, from the console

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }
  function link(href, content, cls) { var a = el("a", cls, content); a.href = href; return a; }

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      var defaults = {min_weight: "1", limit: "300"};
      if (value && defaults[key] !== value) params.append(key, value);
    });
    return params.toString();
  }

  function load() {
    var qs = query();
    history.replaceState(null, "", "/network" + (qs ? "?" + qs : ""));
    status.textContent = "Loading the network…";
    fetch("/api/v1/graph" + (qs ? "?" + qs : ""), {headers: {Accept: "application/json"}})
      .then(function (r) { return r.json().then(function (body) { return {ok: r.ok, body: body}; }); })
      .then(function (r) {
        if (!r.ok) throw new Error(r.body.message || "the server refused the filters");
        graph = r.body;
        draw();
      })
      .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
  }

  // A small seeded generator (mulberry32): the layout's only source of chance.
  function seeded(seed) {
    return function () {
      seed = (seed + 0x6D2B79F5) | 0;
      var t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function elements(grouped) {
    var sides = {};
    var nodes = graph.nodes.map(function (n) {
      var data = {id: n.id, label: n.name, kind: n.kind, weight: n.weight, side: n.side};
      if (grouped && n.side) {
        data.parent = "side:" + n.side;
        sides[n.side] = (sides[n.side] || 0) + 1;
      }
      return {group: "nodes", data: data};
    });
    var parents = Object.keys(sides).map(function (s) {
      return {group: "nodes", classes: "side", data: {id: "side:" + s, label: "Side " + s + " · " + sides[s] + " actors"}};
    });
    var edges = graph.edges.map(function (e) {
      return {group: "edges", data: {id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, edge: e}};
    });
    return parents.concat(nodes, edges);
  }

  function styles() {
    var maxWeight = Math.max.apply(null, graph.edges.map(function (e) { return e.weight; }).concat([1]));
    var maxNode = Math.max.apply(null, graph.nodes.map(function (n) { return n.weight; }).concat([1]));
    var scale = function (w, max, lo, hi) { return lo + (hi - lo) * Math.sqrt(Math.max(w, 0) / max); };
    return [
      {selector: "node", style: {
        "label": "data(label)", "font-size": function (n) { return scale(n.data("weight"), maxNode, 9, 20); },
        "min-zoomed-font-size": 9, "text-valign": "bottom", "text-margin-y": 3, "color": "#1d2330",
        "text-wrap": "ellipsis", "text-max-width": 140,
        "background-color": function (n) { return colour(n.data("kind"), "#7f7f7f"); },
        "width": function (n) { return scale(n.data("weight"), maxNode, 12, 44); },
        "height": function (n) { return scale(n.data("weight"), maxNode, 12, 44); }}},
      {selector: "node.side", style: {
        "label": "data(label)", "font-size": 13, "min-zoomed-font-size": 7, "text-valign": "top", "text-halign": "center",
        "color": "#6b7280", "background-color": "#f3f5f9", "background-opacity": 0.7, "border-width": 1,
        "border-style": "dashed", "border-color": "#b6bccb", "padding": 14, "shape": "round-rectangle"}},
      {selector: "edge", style: {
        "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.8, "opacity": 0.85,
        "line-color": function (e) { return colour(e.data("type"), "#999"); },
        "target-arrow-color": function (e) { return colour(e.data("type"), "#999"); },
        "line-style": function (e) { return LINE_STYLES[e.data("type")] || "solid"; },
        "width": function (e) { return scale(e.data("weight"), maxWeight, 1.2, 8); }}},
      {selector: ".faded", style: {"opacity": 0.15}},
      {selector: "node.near", style: {"min-zoomed-font-size": 0, "font-weight": "bold", "z-index": 10,
        "text-background-color": "#fff", "text-background-opacity": 0.85, "text-background-padding": 2}},
      {selector: "node:selected", style: {"border-width": 3, "border-color": "#ff9800"}},
      {selector: "edge:selected", style: {"overlay-color": "#ff9800", "overlay-opacity": 0.3, "overlay-padding": 4}}
    ];
  }

  // fcose with its chance drawn from a fixed seed: the same graph always gets the same layout.
  function layout() {
    var random = Math.random;
    Math.random = seeded(SEED);
    if (window.layoutBase && window.layoutBase.RandomSeed) window.layoutBase.RandomSeed.seed = 1;
    try {
      cy.layout(cy.nodes().length > 1 ? {
        name: "fcose", quality: "default", randomize: true, animate: false, fit: true, padding: 30,
        nodeDimensionsIncludeLabels: false, packComponents: true, nodeSeparation: 90,
        idealEdgeLength: function () { return 90; }, nodeRepulsion: function () { return 9000; },
        edgeElasticity: function () { return 0.45; }, gravity: 0.3, numIter: 2500, tile: true
      } : {name: "grid", fit: true, padding: 30, animate: false}).run();
    } finally {
      Math.random = random;
    }
  }

  function draw() {
    names = {};
    graph.nodes.forEach(function (n) { names[n.id] = n.name; });
    var evidence = graph.edges.reduce(function (sum, e) { return sum + e.weight; }, 0);
    summary = graph.nodes.length + " actors, " + graph.edges.length + " stances, " + evidence + " pieces of evidence";
    if (graph.truncated) {
      summary += " (the " + graph.edges.length + " strongest stances of " +
        (graph.edges_total !== null ? graph.edges_total : "more") + "; raise the minimum evidence or narrow the dates or kinds to see others)";
    }
    status.textContent = summary;
    var strongest = graph.edges.length ? graph.edges[0].weight : 1;
    slider.max = Math.max(+slider.value, strongest, 2);
    nameList.replaceChildren.apply(nameList, graph.nodes.map(function (n) {
      var option = el("option"); option.value = n.name; return option;
    }));
    if (cy) cy.destroy();
    cy = cytoscape({container: box, elements: elements(grouping.checked), style: styles(),
                    minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false});
    layout();
    cy.on("tap", "edge", function (evt) { focus(null); showEdge(evt.target.data("edge")); });
    cy.on("tap", "node", function (evt) { if (!evt.target.hasClass("side")) { focus(evt.target); showNode(evt.target); } });
    cy.on("tap", function (evt) { if (evt.target === cy) focus(null); });
    box.dataset.nodes = graph.nodes.length;
    box.dataset.edges = graph.edges.length;
    box.dataset.layout = "done";
    if (!graph.nodes.length) panel.replaceChildren(el("p", "muted", "No stances in this range."));
  }

  // Highlight a node and its neighbours (their labels shown whatever the zoom), fade the rest.
  function focus(node) {
    cy.elements().removeClass("faded near");
    if (!node) return;
    var near = node.closedNeighborhood();
    cy.elements().not(near).not(near.parents()).addClass("faded");
    near.nodes().addClass("near");
  }

  function find(text) {
    var q = text.trim().toLowerCase();
    if (!q || !cy) return null;
    var actors = cy.nodes().not(".side");
    var tests = [function (n) { return n.data("label").toLowerCase() === q || n.id() === q; },
                 function (n) { return n.data("label").toLowerCase().indexOf(q) === 0; },
                 function (n) { return n.data("label").toLowerCase().indexOf(q) >= 0 || n.id().indexOf(q) >= 0; }];
    for (var i = 0; i < tests.length; i++) {
      var hits = actors.filter(tests[i]).sort(function (a, b) { return b.data("weight") - a.data("weight"); });
      if (hits.length) return hits[0];
    }
    return null;
  }

  finder.addEventListener("submit", function (event) {
    event.preventDefault();
    var node = find(findInput.value);
    if (!node) { status.textContent = "No actor matching “" + findInput.value.trim() + "” in this view. " + summary; return; }
    cy.elements().unselect();
    node.select();
    focus(node);
    var zoom = Math.max(cy.zoom(), 1.2), at = node.position();  // the node itself mid-canvas, not its label
    cy.viewport({zoom: zoom, pan: {x: cy.width() / 2 - at.x * zoom, y: cy.height() / 2 - at.y * zoom}});
    showNode(node);
    status.textContent = "Found " + node.data("label") + ". " + summary;
  });

  function showEdge(e) {
    panel.replaceChildren();
    var head = el("p");
    head.append(link("/actors/" + encodeURIComponent(e.source), names[e.source] || e.source, "actor"), " ",
                el("span", "stance stance-" + e.type, e.type.replace(/_/g, " ")), " ",
                link("/actors/" + encodeURIComponent(e.target), names[e.target] || e.target, "actor"));
    panel.append(head, el("p", "muted", e.weight + " piece" + (e.weight === 1 ? "" : "s") + " of evidence, " +
                          (e.first || "?") + " – " + (e.last || "?")));
    var list = el("ol", "edge-evidence");
    fillEvidence(list, e.evidence);
    panel.append(list);
    if (e.weight > e.evidence.length) {
      var more = el("button", "more-evidence", "List all " + e.weight);
      more.type = "button";
      more.addEventListener("click", function () { loadEvidence(e, list, more); });
      if (e.evidence.length) panel.append(el("p", "muted", "The newest " + e.evidence.length + " of " + e.weight + "."));
      panel.append(more);
    }
  }

  function fillEvidence(list, items) {
    list.replaceChildren();
    items.forEach(function (ev) {
      var item = el("li");
      var said = ev.claimed_by ? " per " + (names[ev.claimed_by] || ev.claimed_by) : "";
      item.append(el("span", "muted", (ev.published || "undated").slice(0, 10) + (ev.modality !== "asserted" ? " (" + ev.modality + ")" : "") + said + " "),
                  link("/articles/" + encodeURIComponent(ev.article_id) + "#s-" + ev.start + "-" + ev.end, ev.evidence, "evidence"));
      list.append(item);
    });
  }

  // Every relation of one edge, newest first, from the relations list (500 at most here).
  function loadEvidence(e, list, button) {
    var params = new URLSearchParams({source: e.source, target: e.target, type: e.type, negated: "false", newest_first: "true", limit: "500"});
    var dates = new FormData(form);
    ["since", "until"].forEach(function (k) { if (dates.get(k)) params.set(k, dates.get(k)); });
    button.disabled = true;
    fetch("/api/v1/relations?" + params.toString(), {headers: {Accept: "application/json"}})
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (page) {
        fillEvidence(list, page.items);
        button.replaceWith(el("p", "muted", page.total > page.items.length ? "The newest " + page.items.length + " of " + page.total + "." : "All of it."));
      })
      .catch(function (err) { button.disabled = false; button.textContent = "Could not load the evidence (" + err.message + "); retry"; });
  }

  function showNode(node) {
    panel.replaceChildren();
    var p = el("p");
    p.append(link("/actors/" + encodeURIComponent(node.id()), node.data("label"), "actor"),
             " (" + node.data("kind").replace(/_/g, " ") + "), " + node.data("weight") + " pieces of evidence" +
             (node.data("side") ? ", side " + node.data("side") : ""));
    var list = el("ul", "plain");
    node.connectedEdges().sort(function (a, b) { return b.data("weight") - a.data("weight"); }).forEach(function (edge) {
      var e = edge.data("edge"), item = el("li");
      var stance = el("button", "link stance stance-" + e.type, e.type.replace(/_/g, " "));
      stance.type = "button";
      stance.addEventListener("click", function () { showEdge(e); });
      item.append(link("/actors/" + encodeURIComponent(e.source), names[e.source] || e.source, "actor"), " ", stance, " ",
                  link("/actors/" + encodeURIComponent(e.target), names[e.target] || e.target, "actor"),
                  el("span", "muted", " ×" + e.weight));
      list.append(item);
    });
    panel.append(p, list);
  }

  slider.addEventListener("input", function () { sliderValue.textContent = slider.value; });
  slider.addEventListener("change", load);
  grouping.addEventListener("change", function () { if (graph) draw(); });
  form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
  load();
})();
