/**
 * A WFS source in the data worker against a real MapServer: the main thread sends an extent and receives
 * built, triangulated overlays, one message per build, never the features themselves.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { GmlClient, type WfsSessionEvent } from '../../src/worker-clients/gml-client';
import { runningDataWorkers } from '../../src/worker-clients/data-worker-pool';
import { waitFor } from './helpers.js';

const servers: string[] = [];
const disposers: Array<() => void> = [];
afterEach(async () => {
  for (const d of disposers.splice(0)) d();
  for (const url of servers.splice(0)) await commands.stopMapServer(url);
});

describe('WFS source in the data worker', () => {
  it('sends extents in and takes triangulated overlays out', async () => {
    const { url } = await commands.startMapServer('town-plan.map');
    servers.push(url);
    const client = new GmlClient();
    disposers.push(() => client.dispose());
    const events: WfsSessionEvent[] = [];
    const wfs = client.openWfs({ url, typeNames: ['BP_BaugebietsTeilFlaeche', 'BP_UeberbaubareGrundstuecksFlaeche'], id: 'wfs' }, (e) => void events.push(e));
    disposers.push(() => wfs.dispose());
    const caps = await wfs.capabilities();
    const box = caps.featureTypes.find((t) => t.name.endsWith('BP_BaugebietsTeilFlaeche'))!.wgs84Bounds!;
    await wfs.setExtent(box);
    const last = await waitFor(() => events.findLast((e) => e.type === 'plan' && e.complete), 'the complete plan');
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
    if (last.type !== 'plan') throw new Error('not a plan');
    expect(last.features).toBeGreaterThan(0);
    const polygons = last.plan.overlay.features.filter((f) => f.kind !== 'ground-line');
    expect(polygons.length).toBeGreaterThan(0);
    expect(polygons.every((f) => 'triangles' in f && f.triangles!.length >= 3)).toBe(true);
    // the layer's source and the GML client share the page's one data worker
    expect(runningDataWorkers()).toBe(1);
  });
});
