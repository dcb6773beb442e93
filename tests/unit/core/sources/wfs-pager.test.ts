/**
 * Paging rules against small servers written in a few lines (a function from URL to response):
 * what the pager asks next, and when it stops. The real MapServer is in tests/integration.
 */
import { describe, expect, it } from 'vitest';
import { pages } from '../../../../src/core/sources/wfs-pager';
import { parseInThread } from '../../../../src/core/sources/wfs-source';
import type { WfsCapabilities } from '../../../../src/core/formats/wfs/capabilities';

const caps = (version: '2.0.0' | '1.1.0', paging: boolean): WfsCapabilities => ({
  version, title: null, featureTypes: [], outputFormats: [], implementsResultPaging: paging, maxFeatures: null, getFeatureUrl: null,
});

/** A GeoJSON server over n point features; `honourStart` false ignores STARTINDEX. */
function server(n: number, opts: { honourStart?: boolean; matched?: boolean } = {}) {
  const asked: URLSearchParams[] = [];
  const fetchFn = async (url: string) => {
    const p = new URL(url).searchParams;
    asked.push(p);
    const count = Number(p.get('COUNT') ?? p.get('MAXFEATURES') ?? n);
    const start = opts.honourStart === false ? 0 : Number(p.get('STARTINDEX') ?? 0);
    const ids = Array.from({ length: Math.max(0, Math.min(count, n - start)) }, (_, i) => start + i);
    const body = {
      type: 'FeatureCollection',
      ...(opts.matched === false ? {} : { numberMatched: n }),
      features: ids.map((i) => ({ type: 'Feature', id: `p.${i}`, properties: {}, geometry: { type: 'Point', coordinates: [11, 48] } })),
    };
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { asked, fetchFn };
}

async function collect(version: '2.0.0' | '1.1.0', paging: boolean, s: ReturnType<typeof server>, pageSize = 10) {
  const q = { url: 'http://wfs.test/wfs', caps: caps(version, paging), typeName: 'p', srsName: 'EPSG:4326', outputFormat: 'application/json', pageSize, maxFeatures: 1000 };
  const out: number[] = [];
  const warnings: string[] = [];
  for await (const page of pages(q, s.fetchFn, parseInThread)) {
    out.push(page.features.length);
    warnings.push(...page.warnings);
  }
  return { out, warnings };
}

describe('WFS paging', () => {
  it('stops at numberMatched without asking for an empty page', async () => {
    const s = server(25);
    expect((await collect('2.0.0', true, s)).out).toEqual([10, 10, 5]);
    expect(s.asked.map((p) => p.get('STARTINDEX'))).toEqual(['0', '10', '20']);
  });

  it('without numberMatched, asks until a short page', async () => {
    const s = server(20, { matched: false });
    expect((await collect('1.1.0', false, s)).out).toEqual([10, 10, 0]);
    expect(s.asked.map((p) => p.get('MAXFEATURES'))).toEqual(['10', '10', '10']);
  });

  it('stops and warns when the server ignores STARTINDEX', async () => {
    const s = server(30, { honourStart: false, matched: false });
    const { out, warnings } = await collect('1.1.0', false, s);
    expect(out).toEqual([10, 0]);
    expect(warnings[0]).toMatch(/ignores STARTINDEX/);
  });

  it('asks once, for everything, when a 2.0.0 server does not implement paging', async () => {
    const s = server(25);
    expect((await collect('2.0.0', false, s)).out).toEqual([25]);
    expect(s.asked.length).toBe(1);
    expect(s.asked[0].get('STARTINDEX')).toBeNull();
  });
});
