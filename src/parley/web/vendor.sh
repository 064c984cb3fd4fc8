#!/bin/sh
# Re-vendor the web UI's JavaScript libraries and the country outlines from npm (run by hand
# when upgrading; the results are committed, and the pages never load anything from a CDN).
#   sh src/parley/web/vendor.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
npm init -y >/dev/null
npm install --no-audit --no-fund --ignore-scripts cytoscape@3 cytoscape-fcose@2 leaflet@1.9 leaflet.markercluster@1.5 \
  world-atlas@2 topojson-client@3 swagger-ui-dist@5
v="$here/static/vendor"
rm -rf "$v" && mkdir -p "$v/cytoscape" "$v/cytoscape-fcose" "$v/leaflet/images" "$v/leaflet-markercluster" "$v/swagger-ui" \
  "$v/world-atlas"
cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape/LICENSE "$v/cytoscape/"
# the force layout (fcose) and the two libraries it builds on, loaded in this order
for p in layout-base cose-base cytoscape-fcose; do
  cp "node_modules/$p/$p.js" "$v/cytoscape-fcose/"
  cp "node_modules/$p/LICENSE" "$v/cytoscape-fcose/LICENSE.$p"
done
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/LICENSE "$v/leaflet/"
cp node_modules/leaflet/dist/images/* "$v/leaflet/images/"
m=node_modules/leaflet.markercluster
cp $m/dist/leaflet.markercluster.js $m/dist/MarkerCluster.css $m/dist/MarkerCluster.Default.css $m/MIT-LICENCE.txt \
   "$v/leaflet-markercluster/"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css \
   node_modules/swagger-ui-dist/favicon-32x32.png node_modules/swagger-ui-dist/LICENSE \
   node_modules/swagger-ui-dist/NOTICE "$v/swagger-ui/"
cp node_modules/world-atlas/LICENSE "$v/world-atlas/"
for p in cytoscape cytoscape-fcose cose-base layout-base leaflet leaflet.markercluster swagger-ui-dist world-atlas topojson-client; do
  node -p "const p=require('./node_modules/$p/package.json'); p.name+' '+p.version+' ('+p.license+')'"
done > "$v/VERSIONS"
# Natural Earth 1:110m country outlines (world-atlas TopoJSON -> GeoJSON, 2 decimals). Leaflet
# draws on a plane: rings crossing the antimeridian are unwrapped (longitudes made continuous,
# so Chukotka and Fiji run past 180 instead of striping the map) and Antarctica is left out.
node -e '
const fs = require("fs"), topo = require("topojson-client");
const t = JSON.parse(fs.readFileSync("node_modules/world-atlas/countries-110m.json", "utf8"));
const fc = topo.feature(t, t.objects.countries);
const r2 = (x) => Math.round(x * 100) / 100;
const unwrap = (ring) => { let shift = 0, prev = null; return ring.map(([lon, lat]) => {
  if (prev !== null && lon + shift - prev > 180) shift -= 360;
  else if (prev !== null && lon + shift - prev < -180) shift += 360;
  prev = lon + shift; return [r2(lon + shift), r2(lat)]; }); };
const polygons = (g) => g.type === "Polygon" ? [g.coordinates] : g.coordinates;
fc.features = fc.features.filter((f) => f.properties.name !== "Antarctica").map((f) => ({
  type: "Feature", id: f.id, properties: {name: f.properties.name},
  geometry: {type: "MultiPolygon", coordinates: polygons(f.geometry).map((p) => p.map(unwrap))}}));
process.stdout.write(JSON.stringify(fc));
' > "$here/static/geo/countries-110m.geojson"
# each outline gets its ISO 3166-1 alpha-2 code (the places' country), from its numeric id
python3 -c '
import json, sys, pycountry
path = sys.argv[1]
fc = json.load(open(path, encoding="utf-8"))
for f in fc["features"]:
    c = pycountry.countries.get(numeric=str(f.get("id") or "").zfill(3))
    f["properties"]["iso2"] = c.alpha_2 if c else None
json.dump(fc, open(path, "w", encoding="utf-8"), separators=(",", ":"))
' "$here/static/geo/countries-110m.geojson"
