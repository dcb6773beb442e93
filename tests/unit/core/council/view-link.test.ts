import { describe, expect, it } from 'vitest';
import { encodeViewParam, readViewParam, setFragmentParam, VIEW_KEY } from '../../../../src/core/council/view-link.js';
import { moveViewpoint, readViewpoints, removeViewpoint, renameViewpoint, toPresentationFile, type Viewpoint } from '../../../../src/core/council/presentation.js';

const view = {
  camera: { lon: 12.1523456789, lat: 48.5354321, height: 512.25, heading: 33.5, pitch: -41.25 },
  variant: 'v2',
  sun: { date: '2025-06-21', time: '09:30', shadows: true },
  style: { kind: 'preset', name: 'height-classes' } as const,
  selection: 'DEBY_1',
  layers: { plan: false },
};

describe('view links', () => {
  it('round-trips every part of the view exactly, next to a scenario parameter', async () => {
    const hash = setFragmentParam('#scenario=abc', VIEW_KEY, await encodeViewParam(view));
    expect(hash).toMatch(/^#scenario=abc&view=[A-Za-z0-9_-]+$/);
    const { state, issues } = await readViewParam(hash);
    expect(issues).toEqual([]);
    expect(state).toEqual(view);
    expect(setFragmentParam(hash, VIEW_KEY, null)).toBe('#scenario=abc');
  });

  it('keeps the valid parts of a damaged view and names the bad ones', async () => {
    const damaged = { ...view, camera: { lon: 'x' }, sun: { date: '21.6.', time: '9' } } as unknown as typeof view;
    const hash = `#view=${await encodeViewParam(damaged)}`;
    const { state, issues } = await readViewParam(hash);
    expect(state?.variant).toBe('v2');
    expect(state?.camera).toBeUndefined();
    expect(issues.map((i) => i.path)).toEqual(['#view.camera', '#view.sun']);
  });

  it('says a cut-off link is damaged instead of guessing', async () => {
    const full = await encodeViewParam(view);
    const { state, issues } = await readViewParam(`#view=${full.slice(0, 20)}`);
    expect(state).toBeNull();
    expect(issues[0].message).toMatch(/cut off|damaged/);
  });
});

describe('viewpoints', () => {
  const list: Viewpoint[] = ['a', 'b', 'c'].map((id) => ({ id, title: id.toUpperCase(), caption: '', view: {} }));

  it('reorders, renames and removes without touching the input', () => {
    expect(moveViewpoint(list, 'c', -2).map((v) => v.id)).toEqual(['c', 'a', 'b']);
    expect(moveViewpoint(list, 'a', -1).map((v) => v.id)).toEqual(['a', 'b', 'c']);
    expect(renameViewpoint(list, 'b', { title: 'Markt', caption: 'Blick' })[1]).toMatchObject({ title: 'Markt', caption: 'Blick' });
    expect(removeViewpoint(list, 'a').map((v) => v.id)).toEqual(['b', 'c']);
    expect(list.map((v) => v.id)).toEqual(['a', 'b', 'c']);
  });

  it('reads a presentation file back, keeping good stops and naming bad ones by path', () => {
    const file = JSON.parse(JSON.stringify(toPresentationFile([...list, { id: 'd', title: 'D', caption: 'x', view }], 'Sitzung')));
    file.viewpoints.push({ caption: 'no title' }, { title: 'bad view', view: { camera: { lon: 1 } } });
    const { viewpoints, title, issues } = readViewpoints(file);
    expect(title).toBe('Sitzung');
    expect(viewpoints.map((v) => v.id)).toEqual(['a', 'b', 'c', 'd', 'vp-5']);
    expect(viewpoints[3].view).toEqual(view);
    expect(issues.map((i) => i.path)).toEqual(['$.viewpoints[4]', '$.viewpoints[5].view.camera']);
    expect(readViewpoints({ version: 2, viewpoints: [] }).issues[0].message).toMatch(/version/);
  });
});
