import { describe, expect, it, vi } from 'vitest';
import { Emitter, PluginRegistry } from '../../../src/core/index.js';

interface TestPlugin {
  name: string;
  priority?: number;
  describe?(id: string): string | undefined;
  onSelect?(id: string): void;
}

describe('plugin registry', () => {
  it('calls hooks by priority: first result wins, or all', () => {
    const reg = new PluginRegistry<TestPlugin>();
    const calls: string[] = [];
    reg.register({ name: 'low', priority: 0, describe: () => 'low', onSelect: () => calls.push('low') });
    reg.register({ name: 'high', priority: 10, describe: (id) => (id === 'a' ? 'high' : undefined), onSelect: () => calls.push('high') });
    reg.register({ name: 'none' });
    expect(reg.invokeFirst('describe', 'a')).toBe('high');
    expect(reg.invokeFirst('describe', 'b')).toBe('low');
    reg.invokeAll('onSelect', 'a');
    expect(calls).toEqual(['high', 'low']);
    expect(reg.list().map((p) => p.name)).toEqual(['high', 'low', 'none']);
  });

  it('gets and unregisters by name and refuses duplicates', () => {
    const reg = new PluginRegistry<TestPlugin>();
    const p = { name: 'p' };
    reg.register(p);
    expect(reg.get('p')).toBe(p);
    expect(() => reg.register({ name: 'p' })).toThrow(/already registered/);
    expect(() => reg.register({ name: '' })).toThrow(/name/);
    expect(reg.unregister('p')).toBe(true);
    expect(reg.unregister(p)).toBe(false);
    expect(reg.get('p')).toBeUndefined();
  });
});

describe('typed emitter', () => {
  it('delivers to listeners, removes them, and keeps going when one throws', async () => {
    const events = new Emitter<{ 'load-progress': { progress: number }; ready: object }>();
    const a = vi.fn();
    const off = events.on('load-progress', a);
    const thrown: unknown[] = [];
    const onError = (e: unknown) => thrown.push(e);
    process.on('uncaughtException', onError);
    events.on('load-progress', () => {
      throw new Error('boom');
    });
    const b = vi.fn();
    events.on('load-progress', b);
    events.emit('load-progress', { progress: 0.5 });
    expect(a).toHaveBeenCalledWith({ progress: 0.5 });
    expect(b).toHaveBeenCalledTimes(1);
    off();
    events.emit('load-progress', { progress: 1 });
    expect(a).toHaveBeenCalledTimes(1);
    const next = events.next('ready');
    events.emit('ready', {});
    await expect(next).resolves.toEqual({});
    await new Promise((r) => setTimeout(r, 0));
    process.off('uncaughtException', onError);
    expect(thrown).toHaveLength(2);
    expect(events.listenerCount('ready')).toBe(0);
  });
});
