/**
 * A small typed event emitter. Event names are kebab-case keys of the map M,
 * each with its detail type: `emitter.on('load-progress', (d) => d.progress)`.
 */
export type Listener<T> = (detail: T) => void;

export class Emitter<M extends object> {
  private listeners = new Map<keyof M, Set<Listener<any>>>();

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof M>(type: K, listener: Listener<M[K]>): () => void {
    let set = this.listeners.get(type);
    if (!set) {
      set = new Set();
      this.listeners.set(type, set);
    }
    set.add(listener);
    return () => this.off(type, listener);
  }

  once<K extends keyof M>(type: K, listener: Listener<M[K]>): () => void {
    const off = this.on(type, (detail) => {
      off();
      listener(detail);
    });
    return off;
  }

  off<K extends keyof M>(type: K, listener: Listener<M[K]>): void {
    this.listeners.get(type)?.delete(listener);
  }

  /** Calls every listener; one that throws does not stop the others (the error is rethrown async). */
  emit<K extends keyof M>(type: K, detail: M[K]): void {
    const set = this.listeners.get(type);
    if (!set) return;
    for (const listener of [...set]) {
      try {
        listener(detail);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  /** Resolves with the next event of that type. */
  next<K extends keyof M>(type: K): Promise<M[K]> {
    return new Promise((resolve) => this.once(type, resolve));
  }

  listenerCount(type?: keyof M): number {
    if (type !== undefined) return this.listeners.get(type)?.size ?? 0;
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  clear(): void {
    this.listeners.clear();
  }
}
