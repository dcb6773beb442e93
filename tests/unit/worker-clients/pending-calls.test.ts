import { describe, expect, it, vi } from 'vitest';
import { PendingCalls } from '../../../src/worker-clients/pending-calls';

const never = () => new Promise<never>(() => {});

describe('PendingCalls', () => {
  it('passes results and errors through', async () => {
    const calls = new PendingCalls('Test');
    await expect(calls.run(async () => 42)).resolves.toBe(42);
    await expect(calls.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('rejects with the abort reason at once, tells the worker, and forgets the call', async () => {
    const calls = new PendingCalls('Test');
    const controller = new AbortController();
    const onAbort = vi.fn();
    const running = calls.run(never, controller.signal, onAbort);
    controller.abort(new Error('view moved'));
    await expect(running).rejects.toThrow('view moved');
    expect(onAbort).toHaveBeenCalledOnce();
    calls.close(); // nothing left to reject: no unhandled rejection
  });

  it('never starts a call whose signal is already aborted', async () => {
    const start = vi.fn(never);
    await expect(new PendingCalls('Test').run(start, AbortSignal.abort(new Error('too late')))).rejects.toThrow('too late');
    expect(start).not.toHaveBeenCalled();
  });

  it('close() rejects running calls and refuses new ones, naming the owner', async () => {
    const calls = new PendingCalls('SpatialClient');
    const running = calls.run(never);
    calls.close();
    await expect(running).rejects.toThrow('SpatialClient was disposed during the call');
    await expect(calls.run(async () => 1)).rejects.toThrow('SpatialClient is disposed');
    expect(calls.disposed).toBe(true);
  });
});
