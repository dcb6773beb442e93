import { afterEach, describe, expect, it } from 'vitest';
import { ThreeEngine } from '../../src/engines/three/index.js';
import { describeEngineContract } from './engine-contract.js';
import { building, closeView, frames, offset, townUrl } from './helpers.js';

describeEngineContract('three', () => new ThreeEngine());

describe('three engine specifics', () => {
  let engine: ThreeEngine;
  let container: HTMLDivElement;

  async function start(reducedMotion = false): Promise<void> {
    container = document.createElement('div');
    container.style.cssText = 'width:400px;height:300px;';
    document.body.appendChild(container);
    engine = new ThreeEngine();
    await engine.mount(container, { preserveDrawingBuffer: true, view: closeView, reducedMotion });
    const ready = engine.events.next('ready');
    await engine.addTileset('town', townUrl);
    await ready;
    await frames(2);
  }

  afterEach(() => {
    engine?.dispose();
    container?.remove();
  });

  it('restyles, hides and selects without uploading any geometry buffer', async () => {
    await start();
    const gl = engine.renderer.getContext() as WebGL2RenderingContext;
    const calls = { bufferData: 0, bufferSubData: 0, texImage2D: 0, texSubImage2D: 0 };
    const spied = Object.keys(calls) as Array<keyof typeof calls>;
    const originals = spied.map((name) => [name, (gl as any)[name]] as const);
    for (const [name, fn] of originals) {
      (gl as any)[name] = (...args: unknown[]) => {
        calls[name]++;
        return fn.apply(gl, args);
      };
    }
    try {
      engine.setStyle({ kind: 'preset', name: 'roof-type' });
      await frames(2);
      engine.setHidden([(await building(1)).id]);
      await frames(2);
      engine.setSelected((await building(2)).id);
      await frames(2);
    } finally {
      for (const [name, fn] of originals) (gl as any)[name] = fn;
    }
    expect(calls.bufferData + calls.bufferSubData).toBe(0);
    // the feature textures (one per tile) were re-uploaded instead
    expect(calls.texImage2D + calls.texSubImage2D).toBeGreaterThanOrEqual(2);
  });

  it('draws each tile in one call per material, never one per building', async () => {
    await start();
    let tiles = 0;
    let materials = 0;
    for (const layer of (engine as any).layers.values()) {
      layer.tiles.forEachLoadedModel((scene: any) => {
        tiles++;
        const set = new Set<unknown>();
        scene.traverse((o: any) => o.material && set.add(o.material));
        materials += set.size;
      });
    }
    expect(tiles).toBe(2);
    // + 1 for the ground plane
    expect(engine.getStats().drawCalls).toBeLessThanOrEqual(materials + 1);
    expect(engine.getStats().drawCalls).toBeLessThan(8);
  });

  it('places the tileset level and north-up: a building north of another is further up the screen at heading 0', async () => {
    await start();
    const south = await building(5); // east 20, north -15
    const north = await building(6); // east 20, north +15
    const ps = engine.projectToScreen(south.lon, south.lat, south.ground)!;
    const pn = engine.projectToScreen(north.lon, north.lat, north.ground)!;
    expect(pn.y).toBeLessThan(ps.y);
    expect(Math.abs(pn.x - ps.x)).toBeLessThan(25);
    // the ground plane sits under the buildings' bases
    expect(Math.abs(engine.ground.planeHeight() - engine.frame.toWorld(south.lon, south.lat, south.ground, engine.camera.position.clone()).y)).toBeLessThan(0.01);
  });

  it('animates flyTo over several frames, and jumps when motion is reduced', async () => {
    await start(false);
    let changes = 0;
    engine.events.on('view-change', () => changes++);
    const started = performance.now();
    await engine.flyTo({ ...closeView, heading: 90, height: 800 }, { duration: 0.6 });
    expect(performance.now() - started).toBeGreaterThan(500);
    expect(changes).toBeGreaterThan(2);
    expect(engine.getView().heading).toBeCloseTo(90, 1);
    engine.dispose();
    container.remove();
    await start(true);
    // reduced motion jumps: one view change, not an animation (counted, not timed)
    let jumps = 0;
    engine.events.on('view-change', () => jumps++);
    await engine.flyTo({ ...closeView, heading: 180 }, { duration: 5 });
    expect(jumps).toBeLessThanOrEqual(2);
    expect(engine.getView().heading).toBeCloseTo(180, 1);
  });

  it('sizes the drawing buffer by CSS size and pixel ratio', async () => {
    await start();
    engine.resize(320, 200, 2);
    await frames(2);
    expect(engine.renderer.domElement.width).toBe(640);
    expect(engine.renderer.domElement.height).toBe(400);
    expect(engine.camera.aspect).toBeCloseTo(1.6, 5);
  });

  it('draws ground lines solid and dashed, and picks them', async () => {
    await start();
    const [a, b, c, d] = await Promise.all([offset(-60, -35), offset(60, -35), offset(-60, -45), offset(60, -45)]);
    engine.addOverlay({
      id: 'lines',
      features: [
        { kind: 'ground-line', id: 'baulinie', coords: new Float64Array([a.lon, a.lat, b.lon, b.lat]), style: { stroke: '#0000ff' }, properties: {} },
        { kind: 'ground-line', id: 'baugrenze', coords: new Float64Array([c.lon, c.lat, d.lon, d.lat]), style: { stroke: '#0000ff', dash: [2, 1] }, properties: {} },
      ],
    });
    await frames(2);
    const group = engine.pickables.getObjectByName('twinby-overlay-lines')!;
    const kinds = group.children.map((o) => (o as unknown as { material: { type: string } }).material.type).sort();
    expect(kinds).toEqual(['LineBasicMaterial', 'LineDashedMaterial']);
    const mid = await offset(0, -35);
    const p = engine.projectToScreen(mid.lon, mid.lat, 440.2)!;
    expect(await engine.pick(p.x, p.y)).toMatchObject({ kind: 'overlay', id: 'baulinie' });
  });
});
