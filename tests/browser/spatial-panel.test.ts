// <twinby-spatial> on the demo town and its demo plan: an area drawn on the ground through the real engine
// and worker shows the right count, and the plan check flags the planned tower that breaks its height limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intersection } from 'polyclip-ts';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { defineSpatialElement, type TwinbySpatial } from '../../src/element/spatial/index.js';
import { CityGMLClient } from '../../src/worker-clients/citygml-client';
import { fromWgs84, toWgs84 } from '../../src/core/geo/index.js';
import { generateTown } from '../../tools/make-demo/generate-town';
import { plannedArea } from '../../tools/make-demo/town-layout';
import { demoPlan } from '../../tools/make-demo-plan/plan-layout';
import { writeXPlanGml } from '../../tools/make-demo-plan/xplangml-writer';
import { decodeFootprints, footprintPolygons } from '../../workers/lib/footprints';
import { tilesetBlobUrls, type BlobTileset } from '../helpers/tileset-blob-urls';
import { frames, waitFor } from './helpers.js';

defineSpatialElement();

const GEOID = 47.5; // rough quasigeoid height near Landshut: only aims the camera and the clicks
let served: BlobTileset;
let footprintsBytes: Uint8Array;
const urls: string[] = [];

beforeAll(async () => {
  let text = '';
  for await (const chunk of generateTown({ buildings: 80, seed: 5 })) text += chunk;
  const client = new CityGMLClient();
  try {
    const result = await client.convert(new Blob([text]), { file: 'demo-town.gml' });
    expect(result.summary.error).toBeUndefined();
    served = tilesetBlobUrls(result.files);
    footprintsBytes = result.files.get('footprints.bin')!;
  } finally {
    client.dispose();
  }
}, 90_000);

afterAll(() => {
  served?.revoke();
  urls.forEach((u) => URL.revokeObjectURL(u));
});

function blobUrl(data: BlobPart, type: string): string {
  const url = URL.createObjectURL(new Blob([data], { type }));
  urls.push(url);
  return url;
}

describe('<twinby-spatial> in the demo town', () => {
  it('counts the buildings in a drawn area and flags the planned tower over its height limit', async () => {
    const area = plannedArea();
    const plan = demoPlan();
    const [minE, minN, maxE, maxN] = area.bbox;
    const ground = area.buildings[0].ground + GEOID;
    const toLonLat = toWgs84(25832);
    const [lon, lat] = toLonLat((minE + maxE) / 2, (minN + maxN) / 2);

    const viewer = document.createElement('twinby-viewer') as TwinbyViewer;
    // wide enough not to be a compact embed (there the panel starts as its toggle and opens as a bottom sheet)
    viewer.style.cssText = 'width: 640px; height: 520px;';
    viewer.setAttribute('src', served.url);
    viewer.setAttribute('view', `${lon},${lat - (260 * Math.cos((65 * Math.PI) / 180)) / 111_320},${ground + 260 * Math.sin((65 * Math.PI) / 180)},0,-65`);
    const spatial = document.createElement('twinby-spatial') as TwinbySpatial;
    spatial.setAttribute('footprints', blobUrl(footprintsBytes as BlobPart, 'application/octet-stream'));
    spatial.setAttribute('plan-src', blobUrl(writeXPlanGml(plan), 'application/gml+xml'));
    viewer.append(spatial);
    const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
    document.body.append(viewer);
    try {
      await ready;
      await frames(2);
      const engine = viewer.activeEngine!;
      await spatial.ready;
      const root = spatial.shadowRoot!;
      const button = (text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith(text))!;

      // Draw the planning block's box, 4 m out into the streets, by clicking where its corners appear.
      button('Gebiet zeichnen').click();
      const capture = await waitFor(() => root.querySelector<HTMLElement>('.capture'), 'the drawing layer');
      const corners: [number, number][] = [[minE - 4, minN - 4], [maxE + 4, minN - 4], [maxE + 4, maxN + 4], [minE - 4, maxN + 4]];
      for (const [k, [e, n]] of corners.entries()) {
        const [cLon, cLat] = toLonLat(e, n);
        const at = engine.projectToScreen(cLon, cLat, ground)!;
        expect(at, `corner ${k} on screen`).not.toBeNull();
        capture.dispatchEvent(new MouseEvent('click', { clientX: at.x, clientY: at.y, bubbles: true }));
        await waitFor(() => spatial.areaPoints.length === k + 1, `point ${k + 1}`);
      }
      button('Gebiet abschließen').click();
      const count = await waitFor(() => root.querySelector('[data-stat="count"]')?.textContent, 'the statistics');

      // Expected: a scan of every footprint against the picked polygon, by an independent clipping library.
      const project = fromWgs84(25832);
      const drawn = spatial.areaPoints.map((p) => project(p.lon, p.lat) as [number, number]);
      const set = decodeFootprints(footprintsBytes);
      const expected = set.ids.filter((_, i) => {
        const polys = footprintPolygons(set, i).map((poly) => poly.map((ring) => [...ring, ring[0]]));
        return polys.length > 0 && intersection(polys as [number, number][][][], [[...drawn, drawn[0]]]).length > 0;
      });
      for (const b of area.buildings) expect(expected).toContain(b.id);
      expect(count!.trim()).toMatch(new RegExp(`^${expected.length}\\b`));
      const listed = [...root.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-id'));
      expect(listed.sort()).toEqual([...expected].sort().slice(0, 25));

      // The plan check flags the tower, in the findings and in the table, with the limit in the text.
      button('Plan prüfen').click();
      const tower = plan.violation.buildingId;
      await waitFor(() => root.querySelector(`li.violation[data-building="${tower}"]`), 'the tower among the violations');
      const texts = [...root.querySelectorAll(`li.violation[data-building="${tower}"]`)].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      expect(texts.some((t) => /Höhe: Oberkante 18,0 m > 15,0 m zulässig/.test(t)), texts.join(' | ')).toBe(true);
      const row = await waitFor(() => root.querySelector(`tr.violation[data-id="${tower}"]`), 'the tower row marked');
      expect(row.textContent).toContain('18,0');
      const others = [...root.querySelectorAll('li.violation')].map((li) => li.getAttribute('data-building')).filter(Boolean);
      expect(others.filter((id) => id!.startsWith('DEBY_LOD2_PLAN') && id !== tower)).toEqual([]);

      // By keyboard: Enter on the focused row flies there and selects the building.
      const selected = new Promise<string | null>((resolve) => viewer.addEventListener('twinby-select', (e) => resolve((e as CustomEvent).detail.id), { once: true }));
      (row as HTMLElement).focus();
      row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      expect(await selected).toBe(tower);

      // A plan area picked in the viewer becomes the area: the tower's Baufenster holds the tower.
      viewer.dispatchEvent(new CustomEvent('twinby-select', { detail: { id: plan.violation.windowId, kind: 'overlay', layerId: 'plan', attributes: {} } }));
      await waitFor(() => root.querySelector('select')?.value === plan.violation.windowId, 'the picked zone chosen');
      button('Als Gebiet').click();
      await waitFor(() => root.querySelector('.status')?.textContent?.includes(`Gebäude im ${plan.violation.windowId}`), 'the zone query');
      const inWindow = [...root.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-id'));
      expect(inWindow).toContain(tower);
      expect(inWindow.length).toBeLessThan(expected.length);

      // The viewer's lang switches the panel: its buttons, table and statuses speak English, numbers too.
      viewer.setAttribute('lang', 'en');
      await waitFor(() => button('Use as area'), 'the panel in English');
      expect(button('Draw area')).toBeTruthy();
      expect(root.querySelector('table')!.getAttribute('aria-label')).toBe('Buildings in the area');
      expect([...root.querySelectorAll('th')].map((th) => th.textContent!.trim())).toContain('Height (m)');
      button('Use as area').click();
      await waitFor(() => root.querySelector('.status')?.textContent?.includes(`buildings in the ${plan.violation.windowId} (touches or crosses the area)`), 'the zone query told in English');
      // The worker's findings are data, worded by the panel: the tower's finding in English without a new check.
      const english = () => [...root.querySelectorAll(`li.violation[data-building="${tower}"]`)].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
      await waitFor(() => english().some((t) => /Top edge 18\.0 m > 15\.0 m permitted/.test(t)), 'the finding in English');
      expect(english().join(' ')).not.toMatch(/zulässig/);
      viewer.setAttribute('lang', 'de');
      await waitFor(() => button('Als Gebiet'), 'the panel in German again');
    } finally {
      viewer.remove();
    }
  }, 120_000);
});
