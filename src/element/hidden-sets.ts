/** The viewer's hidden buildings: the page's hide() set plus one set per layer (a scenario variant's replaced buildings). */
export function unionHidden(page: ReadonlySet<string>, byLayer: Map<string, ReadonlySet<string>>, layerId?: string, ids?: Iterable<string>): Set<string> {
  if (layerId !== undefined) {
    const own = new Set(ids ?? []);
    if (own.size) byLayer.set(layerId, own);
    else byLayer.delete(layerId);
  }
  const all = new Set(page);
  for (const set of byLayer.values()) for (const id of set) all.add(id);
  return all;
}
