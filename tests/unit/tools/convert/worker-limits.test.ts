// The CLI's conversion processes start with a small young generation, a capped old generation, one GC thread and
// glibc's malloc settings, the lean first one without the heap limits (tools/convert/worker-limits.ts): read back
// from what the kernel says each process got.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConvertProcess, describeExit } from '../../../../tools/convert/convert-process';
import { CONVERT_MALLOC_ENV, CONVERT_NODE_FLAGS, CONVERT_OLD_SPACE_MB, CONVERT_PROCESS_FLAGS, CONVERT_SEMI_SPACE_MB, LEAN_PROCESS_FLAGS } from '../../../../tools/convert/worker-limits';

function startedWith(p: ConvertProcess): { argv: string[]; env: Map<string, string> } {
  const pid = p.child.pid!;
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const env = new Map(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as [string, string]),
  );
  return { argv, env };
}

describe.runIf(process.platform === 'linux')('conversion process limits', () => {
  it('starts each conversion process with the small young generation, the capped old generation, one GC thread and the malloc settings', async () => {
    const saved = process.env.MALLOC_ARENA_MAX;
    delete process.env.MALLOC_ARENA_MAX;
    const p = new ConvertProcess();
    try {
      const { argv, env } = startedWith(p);
      expect(argv).toEqual(expect.arrayContaining([...CONVERT_PROCESS_FLAGS]));
      expect(argv).toContain(`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`);
      expect(argv).toContain('--single-threaded-gc');
      // below 2 GB V8 grows the old generation by at most 2x what survived (1.6x at 1 GB), not 4x
      expect(argv).toContain(`--max-old-space-size=${CONVERT_OLD_SPACE_MB}`);
      expect(CONVERT_OLD_SPACE_MB).toBeLessThan(2048);
      for (const [name, value] of Object.entries(CONVERT_MALLOC_ENV)) expect(env.get(name)).toBe(value);
      expect(env.get('MALLOC_ARENA_MAX')).toBe('2');
    } finally {
      await p.stop();
      if (saved !== undefined) process.env.MALLOC_ARENA_MAX = saved;
    }
  });

  it('starts a lean process (the first one: it reads, or converts a small file) with one GC thread and the malloc settings but no heap limits', async () => {
    const saved = process.env.MALLOC_ARENA_MAX;
    delete process.env.MALLOC_ARENA_MAX;
    const p = new ConvertProcess(undefined, true);
    try {
      expect(p.lean).toBe(true);
      const { argv, env } = startedWith(p);
      expect(argv).toEqual(expect.arrayContaining([...LEAN_PROCESS_FLAGS]));
      expect(argv).toContain('--single-threaded-gc');
      // any heap-size flag makes Node compile its own modules again at start (V8's flag hash rejects their code cache)
      expect(argv.filter((a) => /^--(max|min)-(semi|old)-space-size/.test(a))).toEqual([]);
      expect(env.get('MALLOC_ARENA_MAX')).toBe('2');
      expect(env.get('MALLOC_TRIM_THRESHOLD_')).toBe(CONVERT_MALLOC_ENV.MALLOC_TRIM_THRESHOLD_);
    } finally {
      await p.stop();
      if (saved !== undefined) process.env.MALLOC_ARENA_MAX = saved;
    }
  });

  it('leaves a malloc variable the user set to the user', async () => {
    const saved = process.env.MALLOC_ARENA_MAX;
    process.env.MALLOC_ARENA_MAX = '8';
    const p = new ConvertProcess();
    try {
      expect(startedWith(p).env.get('MALLOC_ARENA_MAX')).toBe('8');
      expect(startedWith(p).env.get('MALLOC_TRIM_THRESHOLD_')).toBe(CONVERT_MALLOC_ENV.MALLOC_TRIM_THRESHOLD_);
    } finally {
      await p.stop();
      if (saved === undefined) delete process.env.MALLOC_ARENA_MAX;
      else process.env.MALLOC_ARENA_MAX = saved;
    }
  });

  it('starts each conversion process without NODE_EXTRA_CA_CERTS, which Node would parse at start for nothing', async () => {
    const saved = process.env.NODE_EXTRA_CA_CERTS;
    process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/certs/ca-certificates.crt';
    const p = new ConvertProcess();
    try {
      const { env } = startedWith(p);
      expect(env.has('NODE_EXTRA_CA_CERTS')).toBe(false);
      expect(env.get('PATH')).toBe(process.env.PATH);
      expect(process.env.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
    } finally {
      await p.stop();
      if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
      else process.env.NODE_EXTRA_CA_CERTS = saved;
    }
  });

  it('gives bench:memory the same semi-space and old-generation cap as the processes, as flags NODE_OPTIONS accepts', () => {
    expect(CONVERT_NODE_FLAGS).toEqual([`--max-semi-space-size=${CONVERT_SEMI_SPACE_MB}`, `--max-old-space-size=${CONVERT_OLD_SPACE_MB}`]);
    expect(CONVERT_PROCESS_FLAGS.slice(0, CONVERT_NODE_FLAGS.length)).toEqual([...CONVERT_NODE_FLAGS]);
  });
});

describe('why a conversion process ended', () => {
  it('names the signal or exit code and the line of its stderr that says what happened', () => {
    const oom = [
      '<--- Last few GCs --->',
      '[123:0x5]    900 ms: Mark-Compact 1020.1 (1030.2) -> 1019.9 (1031.2) MB',
      'FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory',
      ' 1: 0xb0a860 node::Abort() [node]',
    ].join('\n');
    expect(describeExit(null, 'SIGABRT', oom)).toBe('was killed by SIGABRT: FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory');
    const uncaught = 'file:///x/convert-worker.mjs:10\n    throw new TypeError("boom");\n    ^\n\nTypeError: boom\n    at f (file:///x:10:11)\n\nNode.js v20.19.0\n';
    expect(describeExit(1, null, uncaught)).toBe('exited with code 1: TypeError: boom');
    expect(describeExit(null, 'SIGKILL', '')).toBe('was killed by SIGKILL');
    expect(describeExit(3, null, '  \nsomething odd\n')).toBe('exited with code 3: something odd');
  });
});
