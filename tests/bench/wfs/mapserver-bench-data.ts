/**
 * A larger synthetic layer for the end-to-end bench: n seeded polygons in EPSG:25832 as GeoJSON,
 * with a mapfile for it, written to a temporary directory (not the repo).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from './synthetic-gml';

export function writeBenchService(n: number, seed = 7): { dir: string; mapfile: string } {
  const rnd = seededRandom(seed);
  const dir = mkdtempSync(join(tmpdir(), 'twinby-wfs-bench-'));
  const features: string[] = [];
  const side = Math.ceil(Math.sqrt(n));
  for (let i = 0; i < n; i++) {
    const cx = 690000 + (i % side) * 30, cy = 5340000 + Math.floor(i / side) * 30;
    const k = 12 + Math.floor(rnd() * 20);
    const ring: number[][] = [];
    for (let j = 0; j < k; j++) {
      const a = (j / k) * 2 * Math.PI, r = 8 + rnd() * 4;
      ring.push([Math.round((cx + r * Math.cos(a)) * 100) / 100, Math.round((cy + r * Math.sin(a)) * 100) / 100]);
    }
    ring.push(ring[0]);
    const props = { gml_id: `BTF_${i}`, besondereArtDerBaulNutzung: 1200, GRZ: 0.4, Z: 1 + (i % 4) };
    features.push(JSON.stringify({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates: [ring] } }));
  }
  const max = 690000 + side * 30 + 20;
  writeFileSync(join(dir, 'btf.geojson'), `{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::25832"}},"features":[\n${features.join(',\n')}\n]}\n`);
  const mapfile = join(dir, 'bench.map');
  writeFileSync(
    mapfile,
    `MAP
  NAME "bench"
  EXTENT 689900 5339900 ${max} ${5340000 + side * 30 + 20}
  PROJECTION "init=epsg:25832" END
  WEB METADATA "wfs_title" "bench" "wfs_srs" "EPSG:25832 EPSG:4326" "wfs_enable_request" "*" "wfs_compute_number_matched" "true" "wfs_getfeature_formatlist" "geojson" "wfs_maxfeatures" "100000" END END
  OUTPUTFORMAT NAME "geojson" DRIVER "OGR/GEOJSON" MIMETYPE "application/json; subtype=geojson" FORMATOPTION "STORAGE=stream" FORMATOPTION "FORM=SIMPLE" END
  LAYER NAME "BP_BaugebietsTeilFlaeche" TYPE POLYGON STATUS ON CONNECTIONTYPE OGR CONNECTION "btf.geojson"
    PROJECTION "init=epsg:25832" END
    METADATA "wfs_title" "btf" "wfs_srs" "EPSG:25832" "gml_featureid" "gml_id" "gml_include_items" "all" "gml_types" "auto" END
  END
END
`,
  );
  return { dir, mapfile };
}
