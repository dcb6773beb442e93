import { tileAccept } from '../engines/engine.js';

/**
 * Starts downloading a tileset while the renderer's code is still loading: the tileset.json, and as
 * soon as it is in, its root tile's content (for a small town, the whole model). The engine takes the
 * responses instead of fetching again. Anything not taken is aborted on dispose.
 */
export class TilesetPrefetch {
  private readonly pending = new Map<string, Promise<Response>>();
  private readonly controller = new AbortController();

  constructor(readonly url: string) {
    const root = this.start(url);
    root
      .then((response) => (response.ok ? response.clone().json() : null))
      .then((json: { root?: { content?: { uri?: string; url?: string } } } | null) => {
        const uri = json?.root?.content?.uri ?? json?.root?.content?.url;
        // only tile content: an external tileset.json would be fetched by the engine anyway
        if (uri && !/\.json(\?|$)/i.test(uri)) this.start(new URL(uri, url).href);
      })
      .catch(() => {
        // the engine fetches for itself and reports what fails
      });
  }

  /** The prefetched response for a URL, once; undefined when it was not prefetched. */
  take(url: string): Promise<Response> | undefined {
    const response = this.pending.get(url);
    this.pending.delete(url);
    return response;
  }

  dispose(): void {
    this.pending.clear();
    this.controller.abort();
  }

  private start(url: string): Promise<Response> {
    const response = fetch(url, { signal: this.controller.signal, headers: { Accept: tileAccept } });
    response.catch(() => {});
    this.pending.set(url, response);
    return response;
  }
}
