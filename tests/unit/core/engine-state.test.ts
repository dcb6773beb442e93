import { describe, expect, it } from 'vitest';
import { Emitter, EngineState, compileStyle, featureAppearance, type EngineEventMap, type ViewState } from '../../../src/core/index.js';

function create() {
  const events = new Emitter<EngineEventMap>();
  const state = new EngineState(events);
  const seen: Array<[keyof EngineEventMap, unknown]> = [];
  for (const type of ['ready', 'load-progress', 'view-change'] as const) events.on(type, (d) => seen.push([type, d]));
  return { state, seen };
}

const view: ViewState = { lon: 12, lat: 48, height: 500, heading: 0, pitch: -45 };

describe('EngineState', () => {
  it('compiles a style rule, keeps a compiled one, and a tileset style wins over it', () => {
    const { state } = create();
    const red = state.setStyle({ kind: 'plain', color: '#ff0000' })!;
    expect(red.colorOf({ id: 'x' })).toEqual([255, 0, 0]);
    expect(state.setStyle(red)).toBe(red);
    const own = compileStyle({ kind: 'plain', color: '#0000ff' });
    expect(state.styleFor(own)).toBe(own);
    expect(state.styleFor(null)).toBe(red);
    expect(state.setStyle(null)).toBeNull();
    expect(() => state.setStyle({ kind: 'nope' } as never)).toThrow(/nope/);
  });

  it('resolves how a building is drawn: hidden first, then style colour and selection', () => {
    const { state } = create();
    state.setStyle({ kind: 'classes', property: 'h', breaks: [10], colors: ['#00ff00', '#ff0000'] });
    state.setHidden(['a']);
    state.setSelected('b');
    expect(featureAppearance(state, 'a', () => ({ id: 'x', h: 5 }))).toEqual({ hidden: true, color: null, selected: false });
    expect(featureAppearance(state, 'b', () => ({ id: 'x', h: 20 }))).toEqual({ hidden: false, color: [255, 0, 0], selected: true });
    expect(featureAppearance(state, 'c', () => ({ id: 'x', h: 5 }))).toEqual({ hidden: false, color: [0, 255, 0], selected: false });
    // a split pass brings its own hidden set
    expect(featureAppearance(state, 'c', () => ({ id: 'x', h: 5 }), null, new Set(['c'])).hidden).toBe(true);
    state.setStyle(null);
    expect(featureAppearance(state, 'c', () => ({ id: 'x' })).color).toBeNull();
  });

  it('emits view-change only when the camera moved and the view is placed', () => {
    const { state, seen } = create();
    const frame = (camera: number[], viewPlaced = true) => state.afterFrame({ camera, viewPlaced, view: () => view, layers: [] });
    frame([1, 2, 3], false);
    expect(seen.filter(([t]) => t === 'view-change')).toHaveLength(0);
    frame([1, 2, 3]);
    expect(seen.filter(([t]) => t === 'view-change')).toHaveLength(0);
    frame([1, 2, 4]);
    expect(seen.filter(([t]) => t === 'view-change')).toEqual([['view-change', { view }]]);
  });

  it('aggregates load progress over layers and emits ready once, when nothing loads', () => {
    const { state, seen } = create();
    const frame = (layers: Array<{ loading: boolean; settled: boolean; progress: number }>) =>
      state.afterFrame({ camera: [0], viewPlaced: false, view: () => view, layers });
    frame([
      { loading: true, settled: false, progress: 0.5 },
      { loading: false, settled: true, progress: 0 },
    ]);
    expect(seen.at(-1)).toEqual(['load-progress', { progress: 0.75, loading: true }]);
    frame([{ loading: false, settled: false, progress: 1 }]);
    expect(seen.at(-1)).toEqual(['load-progress', { progress: 0.99, loading: true }]);
    frame([{ loading: false, settled: true, progress: 1 }]);
    expect(seen.slice(-2)).toEqual([
      ['load-progress', { progress: 1, loading: false }],
      ['ready', { tilesets: 1 }],
    ]);
    const count = seen.length;
    frame([{ loading: false, settled: true, progress: 1 }]);
    expect(seen.length).toBe(count); // idle: nothing more
    frame([{ loading: true, settled: true, progress: 0.2 }]);
    frame([{ loading: false, settled: true, progress: 1 }]);
    expect(seen.filter(([t]) => t === 'ready')).toHaveLength(1);
  });

  it('waits for other sources (a globe’s ground) before ready, without counting them as tilesets', () => {
    const { state, seen } = create();
    const tile = { loading: false, settled: true, progress: 1 };
    state.afterFrame({ camera: [0], viewPlaced: false, view: () => view, layers: [tile], others: [{ loading: true, settled: false, progress: 0 }] });
    expect(seen.filter(([t]) => t === 'ready')).toHaveLength(0);
    state.afterFrame({ camera: [0], viewPlaced: false, view: () => view, layers: [tile], others: [{ loading: false, settled: true, progress: 1 }] });
    expect(seen.filter(([t]) => t === 'ready')).toEqual([['ready', { tilesets: 1 }]]);
  });
});
