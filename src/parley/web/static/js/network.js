// The stance network: actors as nodes, stance edges coloured by type and weighted by evidence.
// Filters live in the address (/network?since=...&until=...&kind=...), so every view can be linked.
(function () {
  "use strict";
  var KIND_COLOURS = {state: "#1f77b4", government: "#2ca02c", armed_group: "#d62728", person: "#9467bd",
    organization: "#8c564b", party: "#e377c2", international_org: "#17becf", other: "#7f7f7f"};
  var STANCE_COLOURS = {supports: "#2e7d32", opposes: "#c62828", rejects: "#ef6c00", accuses: "#6a1b9a",
    mediates: "#0277bd", threatens: "#b71c1c", negotiates_with: "#00897b", calls_on: "#757575"};
  var form = document.getElementById("filters");
  var status = document.getElementById("graph-status");
  var box = document.getElementById("cy");
  var panel = document.getElementById("edge-body");
  var cy = null, names = {};
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
    new FormData(form).forEach(function (value, key) { if (value) params.append(key, value); });
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
        draw(r.body);
      })
      .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
  }

  function draw(graph) {
    names = {};
    graph.nodes.forEach(function (n) { names[n.id] = n.name; });
    var evidence = graph.edges.reduce(function (sum, e) { return sum + e.weight; }, 0);
    var maxWeight = Math.max(1, Math.max.apply(null, graph.edges.map(function (e) { return e.weight; }).concat([1])));
    var maxNode = Math.max(1, Math.max.apply(null, graph.nodes.map(function (n) { return n.weight; }).concat([1])));
    var shown = graph.nodes.length + " actors, " + graph.edges.length + " stances, " + evidence + " pieces of evidence";
    if (graph.truncated) {
      shown += " (the " + graph.edges.length + " strongest stances of " +
        (graph.edges_total !== null ? graph.edges_total : "more") + "; narrow the dates or kinds to see others)";
    }
    status.textContent = shown;
    box.dataset.nodes = graph.nodes.length;
    box.dataset.edges = graph.edges.length;
    var elements = graph.nodes.map(function (n) {
      return {group: "nodes", data: {id: n.id, label: n.name, kind: n.kind, weight: n.weight}};
    }).concat(graph.edges.map(function (e) {
      return {group: "edges", data: {id: e.id, source: e.source, target: e.target, type: e.type, weight: e.weight, edge: e}};
    }));
    if (cy) cy.destroy();
    cy = cytoscape({
      container: box, elements: elements,
      style: [
        {selector: "node", style: {
          "label": "data(label)", "font-size": 12, "min-zoomed-font-size": 6, "text-valign": "bottom", "text-margin-y": 3, "color": "#1d2330",
          "text-wrap": "wrap", "text-max-width": 120,
          "background-color": function (n) { return KIND_COLOURS[n.data("kind")] || "#7f7f7f"; },
          "width": "mapData(weight, 1, " + maxNode + ", 14, 42)", "height": "mapData(weight, 1, " + maxNode + ", 14, 42)"}},
        {selector: "edge", style: {
          "curve-style": "bezier", "target-arrow-shape": "triangle", "arrow-scale": 0.9, "opacity": 0.85,
          "line-color": function (e) { return STANCE_COLOURS[e.data("type")] || "#999"; },
          "target-arrow-color": function (e) { return STANCE_COLOURS[e.data("type")] || "#999"; },
          "width": "mapData(weight, 1, " + maxWeight + ", 1.5, 9)"}},
        {selector: ":selected", style: {"overlay-color": "#ff9800", "overlay-opacity": 0.25, "overlay-padding": 4}}
      ],
      layout: {name: graph.nodes.length > 1 ? "cose" : "grid", animate: false, padding: 40, randomize: true,
               nodeDimensionsIncludeLabels: true, nodeRepulsion: function () { return 120000; },
               idealEdgeLength: function () { return 80; }, edgeElasticity: function () { return 100; },
               nodeOverlap: 20, componentSpacing: 80, gravity: 60, numIter: 1500}
    });
    cy.on("tap", "edge", function (evt) { showEdge(evt.target.data("edge")); });
    cy.on("tap", "node", function (evt) { showNode(evt.target); });
    if (!graph.nodes.length) panel.replaceChildren(el("p", "muted", "No stances in this range."));
  }

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
      item.append(el("span", "muted", (ev.published || "undated").slice(0, 10) + (ev.modality !== "asserted" ? " (" + ev.modality + ")" : "") + " "),
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
             " (" + node.data("kind").replace(/_/g, " ") + "), " + node.data("weight") + " pieces of evidence");
    panel.append(p, el("p", "muted", "Click an edge to list its evidence."));
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); load(); });
  load();
})();
