// A layer element whose definition arrives after the viewer is running (a lazy chunk slower than the engine,
// as <twinby-scenario> is in the library build) is attached once defined; before the fix it never was.
import { describe, expect, it } from 'vitest';
import '../../src/index.js';
import type { TwinbyViewer } from '../../src/index.js';
import { TwinbyLayerElement } from '../../src/element/layer-element.js';
import { townUrl, waitFor } from './helpers.js';

class LateLayer extends TwinbyLayerElement {
  attachedTo: unknown = null;
  protected override onAttach(host: unknown): void {
    this.attachedTo = host;
  }
  protected override onDetach(): void {
    this.attachedTo = null;
  }
}

describe('a layer defined after the viewer started', () => {
  it('is attached once its definition arrives', async () => {
    const viewer = document.createElement('twinby-viewer') as TwinbyViewer;
    viewer.style.cssText = 'width: 320px; height: 240px;';
    viewer.setAttribute('src', townUrl);
    const late = document.createElement('twinby-late-layer');
    viewer.append(late);
    const ready = new Promise((resolve) => viewer.addEventListener('twinby-ready', resolve, { once: true }));
    document.body.append(viewer);
    await ready;
    expect(customElements.get('twinby-late-layer')).toBeUndefined();
    customElements.define('twinby-late-layer', LateLayer);
    const upgraded = late as LateLayer;
    await waitFor(() => upgraded.attachedTo, 'the late layer to be attached');
    expect((upgraded.attachedTo as { engine: unknown }).engine).toBe(viewer.activeEngine);
    viewer.remove();
    await waitFor(() => upgraded.attachedTo === null, 'the layer to be detached with the viewer');
  });
});
