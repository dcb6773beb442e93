/**
 * A seeded corpus of broken, fuzzed and hostile CityGML files, written into a folder for the CLI:
 * intact towns next to truncated and garbled ones, a building 1e9 m off, xlink fan-out, a 50,000-vertex
 * self-intersecting roof, deep nesting, a 20 MB comment and attribute, Latin-1 bytes declared UTF-8, UTF-16.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toCityGML } from '../helpers/citygml-text';
import { createHouse, createTown } from '../helpers/create-building';
import { seededRandom } from '../helpers/seeded-random';

export interface CorpusFile {
  name: string;
  /** Buildings a correct conversion keeps at least. */
  minBuildings: number;
}

function starRing(n: number): Float64Array {
  const k = Math.floor(n / 2) - 1;
  const out = new Float64Array((n + 1) * 3);
  for (let i = 0; i <= n; i++) {
    const a = (2 * Math.PI * ((i * k) % n)) / n;
    out.set([691005 + 5 * Math.cos(a), 5334004 + 4 * Math.sin(a), 530], i * 3);
  }
  return out;
}

export function writeCorpus(dir: string, seed = 14, mutants = 24): CorpusFile[] {
  const random = seededRandom(seed);
  const files: CorpusFile[] = [];
  const write = (name: string, content: string | Uint8Array, minBuildings: number) => {
    writeFileSync(join(dir, name), content);
    files.push({ name, minBuildings });
  };
  const town = toCityGML(createTown(30, { spacing: 18 }));
  write('intact.gml', town, 30);

  // seeded mutants: truncation, garbage insertion, byte flips
  const bytes = new TextEncoder().encode(town);
  const junk = ['<', '&', ']]>', '<!--', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', '&e;', '1e999', 'NaN', '<a>'.repeat(400), '\u0000'];
  for (let i = 0; i < mutants; i++) {
    const kind = i % 3;
    if (kind === 0) write(`truncated-${i}.gml`, bytes.subarray(0, Math.floor(random() * bytes.length)), 0);
    else if (kind === 1) {
      const at = Math.floor(random() * town.length);
      write(`garbled-${i}.gml`, town.slice(0, at) + junk[Math.floor(random() * junk.length)] + town.slice(at), 0);
    } else {
      const copy = bytes.slice();
      for (let k = 0; k < 4; k++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      write(`flipped-${i}.gml`, copy, 0);
    }
  }

  const far = createTown(5);
  far[2] = { ...far[2], polygons: far[2].polygons.map((p) => ({ ...p, rings: p.rings.map((r) => r.map((v, j) => (j % 3 === 0 ? v + 1e9 : v))) })) };
  write('far-away.gml', toCityGML(far), 4);

  const star = createHouse({ id: 'STAR' });
  star.polygons.push({ type: 'RoofSurface', rings: [starRing(50_000)] });
  write('huge-polygon.gml', toCityGML([star, ...createTown(3, { x: 691100 })]), 4);

  const fanRefs = (k: number) => Array.from({ length: 10 }, () => `<gml:surfaceMember xlink:href="#L${k - 1}"/>`).join('');
  const levels = [`<gml:MultiSurface gml:id="L0"><gml:surfaceMember><gml:Polygon><gml:exterior><gml:LinearRing><gml:posList>691000 5334000 500 691004 5334000 500 691004 5334004 500 691000 5334000 500</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></gml:surfaceMember></gml:MultiSurface>`];
  for (let k = 1; k <= 8; k++) levels.push(`<gml:MultiSurface gml:id="L${k}">${fanRefs(k)}</gml:MultiSurface>`);
  const fan = `<core:cityObjectMember><bldg:Building gml:id="FAN">${levels.map((l) => `<bldg:lod2MultiSurface>${l}</bldg:lod2MultiSurface>`).join('')}</bldg:Building></core:cityObjectMember>`;
  write('xlink-fan-out.gml', town.replace('<core:cityObjectMember>', `${fan}\n<core:cityObjectMember>`).replace('xmlns:gml=', 'xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:gml='), 30);

  const deep = `<core:cityObjectMember><gen:GenericCityObject>${'<gen:x>'.repeat(12_000)}${'</gen:x>'.repeat(12_000)}</gen:GenericCityObject></core:cityObjectMember>`;
  write('deep-nesting.gml', town.replace('</core:CityModel>', `${deep}</core:CityModel>`), 30);

  const big = 'x'.repeat(20 << 20);
  write('huge-comment.gml', town.replace('<core:cityObjectMember>', `<!--${big}--><core:cityObjectMember>`), 30);
  write('huge-attribute.gml', town.replace('<bldg:Building ', `<bldg:Building note="${big}" `), 30);

  const latin1 = toCityGML(createTown(4, { x: 691300 }).map((b, i) => ({ ...b, attributes: { ...b.attributes, name: `Straße ${i} am Öl` } })));
  write('latin1-declared-utf8.gml', Uint8Array.from(latin1, (c) => c.charCodeAt(0) & 0xff), 4);
  const utf16 = new Uint8Array(latin1.length * 2);
  for (let i = 0; i < latin1.length; i++) utf16[i * 2] = latin1.charCodeAt(i) & 0xff;
  write('utf16-no-bom.gml', utf16.subarray(0), 0);
  return files;
}
