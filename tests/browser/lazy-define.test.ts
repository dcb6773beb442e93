// defineWhenUsed: an element's chunk loads once, whether its tag is in the page's HTML already or added later.
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import { defineWhenUsed } from '../../src/element/lazy-define.js';
import { TwinbyLayerElement, type LayerHost } from '../../src/element/layer-element.js';
import { townUrl, waitFor } from './helpers.js';

describe('defineWhenUsed', () => {
  it('loads at once for a tag already in the page (as the demo writes <twinby-basemap> in its HTML)', () => {
    const el = document.createElement('twinby-lazy-present');
    document.body.append(el);
    let loads = 0;
    expect(() => defineWhenUsed('twinby-lazy-present', async () => void loads++)).not.toThrow();
    expect(loads).toBe(1);
    el.remove();
  });

  it('loads once when the tag is added later, and not before', async () => {
    let loads = 0;
    defineWhenUsed('twinby-lazy-later', async () => void loads++);
    document.body.append(document.createElement('div'));
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(0);
    const a = document.createElement('twinby-lazy-later');
    const b = document.createElement('twinby-lazy-later');
    document.body.append(a);
    await waitFor(() => loads === 1, 'the chunk to load');
    document.body.append(b);
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toBe(1);
    a.remove();
    b.remove();
  });

  it('a layer child defined only after the engine started still attaches (the demo base map did not)', async () => {
    const viewer = document.createElement('twinby-viewer');
    viewer.setAttribute('src', townUrl);
    viewer.style.cssText = 'width:320px;height:240px;';
    const late = document.createElement('twinby-late-layer');
    viewer.append(late);
    const ready = new Promise((r) => viewer.addEventListener('twinby-ready', r, { once: true }));
    document.body.append(viewer);
    await ready;
    const hosts: LayerHost[] = [];
    customElements.define(
      'twinby-late-layer',
      class extends TwinbyLayerElement {
        protected onAttach(host: LayerHost): void {
          hosts.push(host);
        }
        protected onDetach(): void {}
      },
    );
    await waitFor(() => hosts.length === 1, 'the late layer to attach');
    expect(hosts[0].engine).toBe(viewer.activeEngine);
    viewer.remove();
  });
});
