/**
 * 3D Tiles 1.1 tiles with several contents and metadata at tileset, group, tile and content level
 * (fixture: tests/browser/fixtures/kinds/metadata-set.ts). Every content of the tile draws and is picked;
 * a missing content is reported by URL while the others stay; the info panel shows one section per
 * level, markup in the data as text, a long property name wrapped.
 */
import { afterEach, expect, it } from 'vitest';
import '../../src/index.js';
import type { MetadataSection } from '../../src/core/index.js';
import { longPropertyName, markupTitle, multiBuildings, multiTrees } from './fixtures/kinds/metadata-set.js';
import { mountFixture, pickAt, removeViewers, screen } from './kinds-helpers.js';
import { canvasOf, waitFor } from './helpers.js';

afterEach(removeViewers);

const values = (sections: MetadataSection[] | undefined) =>
  Object.fromEntries((sections ?? []).map((s) => [s.level, { className: s.className, ...Object.fromEntries(s.rows.map((r) => [r.label, r.value])) }]));

it('loads every content of a tile with several, and reports the missing one by URL', async () => {
  const { viewer, errors } = await mountFixture('metadata');
  const engine = viewer.activeEngine!;
  await pickAt(viewer, multiBuildings[1].east, 0, multiBuildings[1].height - 0.5, 'MULTI_2');
  await pickAt(viewer, multiTrees[0].east, multiTrees[0].north, 7.5, 'MULTI_TREE_1');
  const error = await waitFor(() => errors.find((e) => e.url?.endsWith('/missing.b3dm')), 'an error for missing.b3dm');
  expect(error.message).toMatch(/404/);
  const at = screen(viewer, multiBuildings[0].east, 0, multiBuildings[0].height - 0.5);
  const pick = await engine.pick(at.x, at.y);
  expect(pick?.kind === 'building' && values(pick.metadata)).toEqual({
    tileset: { className: 'Stadt', Name: 'Musterstadt', Einwohner: 12345 },
    group: { className: 'Ebene', Titel: 'Gebäude' },
    tile: { className: 'Viertel', Bezeichnung: 'Altstadt', founded: 1200 },
    content: { className: 'Quelle', Erfassung: 'LoD2 2024', [longPropertyName]: 'ALKIS' },
  });
  const tree = screen(viewer, multiTrees[1].east, multiTrees[1].north, 7.5);
  const treePick = await engine.pick(tree.x, tree.y);
  expect(treePick?.id).toBe('MULTI_TREE_2');
  const treeMeta = values(treePick?.kind === 'building' ? treePick.metadata : undefined);
  expect(treeMeta.group).toEqual({ className: 'Ebene', Titel: markupTitle });
  expect(treeMeta.content).toEqual({ className: 'Quelle', Erfassung: 'Baumkataster' });
});

it('shows a section per metadata level in the info panel, markup as text and long names wrapped', async () => {
  const { viewer } = await mountFixture('metadata');
  await pickAt(viewer, multiTrees[0].east, multiTrees[0].north, 7.5, 'MULTI_TREE_1');
  const click = async (east: number, north: number, up: number) => {
    const p = screen(viewer, east, north, up);
    for (const type of ['pointerdown', 'pointerup'])
      canvasOf(viewer).dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, clientX: p.x, clientY: p.y, button: 0, isPrimary: true, pointerId: 1 }));
  };
  await click(multiTrees[0].east, multiTrees[0].north, 7.5);
  const root = viewer.shadowRoot!;
  const headings = await waitFor(() => {
    const h = [...root.querySelectorAll('.info h3.meta')].map((e) => e.textContent);
    return h.length === 4 ? h : null;
  }, 'four metadata sections');
  expect(headings).toEqual(['Datensatz: Stadt', 'Gruppe: Ebene', 'Kachel: Viertel', 'Inhalt: Quelle']);
  const group = root.querySelector('.info dl.meta[data-level="group"] dd')!;
  expect(group.textContent).toBe(markupTitle);
  expect(group.querySelector('b, img')).toBeNull();

  await click(multiBuildings[0].east, 0, multiBuildings[0].height - 0.5);
  const dt = await waitFor(() => [...root.querySelectorAll<HTMLElement>('.info dl.meta[data-level="content"] dt')].find((e) => e.textContent === longPropertyName), 'the long name');
  const dd = dt.nextElementSibling!;
  expect(dt.getBoundingClientRect().right).toBeLessThanOrEqual(dd.getBoundingClientRect().left + 0.5);
  expect(dt.scrollWidth).toBeLessThanOrEqual(dt.clientWidth + 1);
});
