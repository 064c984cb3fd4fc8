// The places map: country outlines shipped with Parley (no tile server); a country the articles
// name is shaded, a region drawn as an area, a town or landmark as a marker (clustered).
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

  // countries are drawn as their outline, shaded by mentions; regions as a dashed area; towns
  // and landmarks as markers, clustered when they crowd
  var byCountry = {};
  places.forEach(function (p) { if (p.kind === "country" && p.country) byCountry[p.country] = p; });
  var most = Math.max.apply(null, [1].concat(places.map(function (p) { return p.mentions; })));

  function popupFor(p, layer) {
    var popup = el("div", "place-popup");
    popup.append(el("strong", null, p.name), el("div", "muted",
      [p.country, p.kind, p.mentions + " mention" + (p.mentions === 1 ? "" : "s") + " in " + p.articles + " article" + (p.articles === 1 ? "" : "s")]
        .filter(Boolean).join(" · ")));
    var list = el("ul");
    popup.append(list);
    layer.bindPopup(popup);
    layer.bindTooltip(p.name);
    layer.on("popupopen", function () {
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
        layer.getPopup().update();
      });
    });
    return layer;
  }

  var shaded = 0;
  fetch("/static/geo/countries-110m.geojson")
    .then(function (r) { return r.json(); })
    .then(function (world) {
      var layer = L.geoJSON(world, {
        style: function (f) {
          var p = byCountry[f.properties.iso2];
          if (!p) return {color: "#8a8f98", weight: 0.7, fillColor: "#f1eee6", fillOpacity: 1};
          return {color: "#8e2424", weight: 1.2, fillColor: "#e53935", fillOpacity: 0.15 + 0.45 * Math.sqrt(p.mentions / most)};
        },
        onEachFeature: function (f, l) {
          var p = byCountry[f.properties.iso2];
          if (p) { popupFor(p, l); shaded += 1; } else { l.options.interactive = false; }
        }
      }).addTo(map).bringToBack();
      document.getElementById("map").dataset.countries = shaded;
    });

  var located = places.filter(function (p) { return p.lat !== null && p.lon !== null; });
  var cluster = L.markerClusterGroup({showCoverageOnHover: false, maxClusterRadius: 40});
  var markers = [];
  located.forEach(function (p) {
    if (p.kind === "country") return;   // drawn as its outline
    if (p.kind === "region" || p.kind === "county" || p.kind === "continent") {
      var area = L.circle([p.lat, p.lon], {radius: p.kind === "county" ? 25000 : 120000, color: "#8e2424", weight: 1.2,
                                           dashArray: "4 4", fillColor: "#e53935", fillOpacity: 0.12});
      markers.push(popupFor(p, area).addTo(map));
      return;
    }
    var marker = L.circleMarker([p.lat, p.lon], {radius: 5 + 3 * Math.sqrt(p.mentions), color: "#8e2424", weight: 1.5,
                                                  fillColor: "#e53935", fillOpacity: 0.7});
    cluster.addLayer(popupFor(p, marker));
    markers.push(marker);
  });
  map.addLayer(cluster);
  document.getElementById("map").dataset.markers = markers.length;
  var bounds = L.latLngBounds(located.map(function (p) { return [p.lat, p.lon]; }));
  if (located.length) {
    map.fitBounds(bounds.pad(0.6), {maxZoom: 6});
  }
})();
