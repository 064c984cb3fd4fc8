// The places map: country outlines shipped with Parley (no tile server) and a marker per place.
(function () {
  "use strict";
  var places = JSON.parse(document.getElementById("places-data").textContent);
  var map = L.map("map", {worldCopyJump: true, minZoom: 2, maxZoom: 9}).setView([30, 20], 3);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Country outlines: Natural Earth");

  function el(tag, cls, content) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (content !== undefined && content !== null) node.textContent = content;
    return node;
  }

  function label(m) {  // as the pages name an article: title, else first line, else file name
    if (m.title) return m.title;
    var first = (m.opening || "").trim().split("\n")[0].trim();
    if (first) return first.length <= 60 ? first : first.slice(0, 60).replace(/\s+\S*$/, "") + "…";
    return m.source || m.article_id;
  }

  fetch("/static/geo/countries-110m.geojson")
    .then(function (r) { return r.json(); })
    .then(function (world) {
      L.geoJSON(world, {style: {color: "#8a8f98", weight: 0.7, fillColor: "#f1eee6", fillOpacity: 1},
                        interactive: false}).addTo(map).bringToBack();
    });

  var located = places.filter(function (p) { return p.lat !== null && p.lon !== null; });
  var markers = located.map(function (p) {
    var popup = el("div", "place-popup");
    popup.append(el("strong", null, p.name), el("div", "muted",
      [p.country, p.kind, p.mentions + " mention" + (p.mentions === 1 ? "" : "s") + " in " + p.articles + " article" + (p.articles === 1 ? "" : "s")]
        .filter(Boolean).join(" · ")));
    var list = el("ul");
    popup.append(list);
    var marker = L.circleMarker([p.lat, p.lon], {radius: 5 + 3 * Math.sqrt(p.mentions), color: "#8e2424", weight: 1.5,
                                                  fillColor: "#e53935", fillOpacity: 0.7}).addTo(map);
    marker.bindPopup(popup);
    marker.bindTooltip(p.name);
    marker.on("popupopen", function () {
      if (list.dataset.loaded) return;
      list.dataset.loaded = "1";
      fetch("/api/v1/places/" + p.id).then(function (r) { return r.json(); }).then(function (detail) {
        var seen = {};
        detail.mentions.forEach(function (m) {
          if (seen[m.article_id] || Object.keys(seen).length >= 10) return;
          seen[m.article_id] = true;
          var a = el("a", null, label(m) + " (" + (m.published || "undated").slice(0, 10) + ")");
          a.href = "/articles/" + encodeURIComponent(m.article_id) + "#s-" + m.start + "-" + m.end;
          var li = el("li");
          li.append(a);
          list.append(li);
        });
        marker.getPopup().update();
      });
    });
    return marker;
  });
  document.getElementById("map").dataset.markers = markers.length;
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.6), {maxZoom: 6});
  }
})();
