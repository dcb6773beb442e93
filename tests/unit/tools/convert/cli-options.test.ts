// twinby-convert's options: levels of detail are on unless --no-lod says otherwise.
import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../../../tools/convert/cli';

describe('twinby-convert options', () => {
  it('writes levels of detail by default; --no-lod turns them off, --lod is accepted, both together are refused', () => {
    const lod = (args: string[]) => {
      const options = parseCli(['in.gml', '--out', 'out', ...args]);
      return options === 'help' ? undefined : options.lod;
    };
    expect(lod([])).toBe(true);
    expect(lod(['--lod'])).toBe(true);
    expect(lod(['--no-lod'])).toBe(false);
    expect(() => lod(['--lod', '--no-lod'])).toThrow(UsageError);
    expect(() => lod(['--lod', '--no-lod'])).toThrow(/contradict/);
  });
});
