import { parseView, type ViewState } from '../core/index.js';
import type { Engine } from '../engines/engine.js';

/** The home button: the page's `view` attribute when it parses, else the engine's view of every tileset. */
export async function flyHome(engine: Engine, viewAttribute: string | null): Promise<void> {
  let home: ViewState | null = null;
  if (viewAttribute) {
    try {
      home = parseView(viewAttribute);
    } catch {
      home = null;
    }
  }
  home ??= engine.getHomeView();
  if (home) await engine.flyTo(home);
}
