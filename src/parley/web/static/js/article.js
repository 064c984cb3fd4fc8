// The article reader: click a highlight to see what was extracted from it; #s-<start>-<end>
// marks evidence in the text. Text from the store is only ever set with textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("facts").textContent);
  var facts = data.facts, names = data.names;
  var text = document.getElementById("text");
  var panel = document.getElementById("selection");
  var body = document.getElementById("selection-body");

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }
  function actorLink(id, name) {
    var a = el("a", "actor", name || names[id] || id);
    a.href = "/actors/" + encodeURIComponent(id);
    return a;
  }
  function line(parts) {
    var p = el("div");
    parts.forEach(function (part) { p.append(typeof part === "string" ? document.createTextNode(part) : part); });
    return p;
  }
  function evidenceLink(f) {
    var a = el("a", "evidence", "show evidence");
    a.href = "#" + f.anchor;
    return a;
  }
  var describe = {
    actor: function (f) { return [line([actorLink(f.actor, f.name), " (" + f.kind.replace(/_/g, " ") + ")"]),
                                  line(["mentioned as “" + f.text + "”"])]; },
    place: function (f) { return [line([f.name + (f.country ? ", " + f.country : "")]),
                                  line([f.lat === null ? "no coordinates" : f.lat.toFixed(2) + ", " + f.lon.toFixed(2)])]; },
    statement: function (f) { return [line([actorLink(f.speaker, f.name), " (" + (f.cue || "said") + (f.role ? ", as " + f.role : "") + "):"]),
                                      line([(f.direct ? "“" : "") + f.content + (f.direct ? "”" : "")]), line([evidenceLink(f)])]; },
    relation: function (f) {
      var stance = el("span", "stance stance-" + f.relation, (f.negated ? "not " : "") + f.relation.replace(/_/g, " "));
      return [line([actorLink(f.source, f.source_name), " ", stance, " ", actorLink(f.target, f.target_name)]),
              line([f.modality !== "asserted" ? "(" + f.modality + ") " : "", evidenceLink(f)])];
    },
    demand: function (f) {
      var by = [], out = [];
      f.by.forEach(function (id, i) { if (i) by.push(", "); by.push(actorLink(id)); });
      out.push(line(by.concat([" demand" + (f.by.length === 1 ? "s" : "") + " (" + f.status + "):"])));
      f.items.forEach(function (item) { out.push(line(["• " + item])); });
      if (f.of.length) { var of = ["of "]; f.of.forEach(function (id, i) { if (i) of.push(", "); of.push(actorLink(id)); }); out.push(line(of)); }
      if (f.condition_for) out.push(line(["before " + f.condition_for]));
      out.push(line([evidenceLink(f)]));
      return out;
    },
    conditional: function (f) { return [line([f.actor ? actorLink(f.actor, f.name) : "", f.actor ? ": " : "", "if " + f["if"] + ", then " + f.then]),
                                        line([evidenceLink(f)])]; }
  };

  function show(span) {
    Array.prototype.forEach.call(text.querySelectorAll(".hl.selected"), function (s) { s.classList.remove("selected"); });
    span.classList.add("selected");
    body.replaceChildren();
    span.dataset.refs.split(" ").forEach(function (ref) {
      var f = facts[ref];
      if (!f) return;
      var box = el("div", "fact");
      box.dataset.ref = ref;
      box.append(el("div", "kind", f.type));
      describe[f.type](f).forEach(function (node) { box.append(node); });
      body.append(box);
    });
    panel.hidden = false;
  }

  text.addEventListener("click", function (event) {
    var span = event.target.closest(".hl");
    if (span) show(span);
  });
  text.addEventListener("keydown", function (event) {
    if ((event.key === "Enter" || event.key === " ") && event.target.classList.contains("hl")) {
      event.preventDefault();
      show(event.target);
    }
  });

  function markTarget() {
    Array.prototype.forEach.call(text.querySelectorAll(".target"), function (s) { s.classList.remove("target"); });
    var m = /^#s-(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    var start = +m[1], end = +m[2], first = null;
    Array.prototype.forEach.call(text.querySelectorAll("span[data-start]"), function (s) {
      if (+s.dataset.start >= start && +s.dataset.end <= end) {
        s.classList.add("target");
        first = first || s;
      }
    });
    if (first) first.scrollIntoView({block: "center"});
  }
  window.addEventListener("hashchange", markTarget);
  markTarget();
})();
