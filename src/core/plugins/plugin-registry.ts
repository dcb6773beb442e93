/**
 * Plugins are plain objects: a name, a priority (higher runs first) and optional hooks.
 * A hook is called either for all plugins (`invokeAll`) or until one returns a value (`invokeFirst`).
 */
export interface TwinbyPlugin {
  name: string;
  priority?: number;
}

type HookName<P> = { [K in keyof P]-?: P[K] extends ((...args: any[]) => any) | undefined ? K : never }[keyof P];
type HookFn<P, K extends keyof P> = Extract<P[K], (...args: any[]) => any>;

export class PluginRegistry<P extends TwinbyPlugin = TwinbyPlugin> {
  private plugins: P[] = [];

  /** Adds a plugin; a name may be registered once. */
  register(plugin: P): void {
    if (!plugin || typeof plugin.name !== 'string' || plugin.name === '') {
      throw new TypeError('A plugin needs a non-empty string "name".');
    }
    if (this.get(plugin.name)) throw new Error(`A plugin named "${plugin.name}" is already registered.`);
    this.plugins.push(plugin);
    // stable sort: equal priorities keep registration order
    this.plugins.sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  }

  unregister(pluginOrName: P | string): boolean {
    const name = typeof pluginOrName === 'string' ? pluginOrName : pluginOrName.name;
    const i = this.plugins.findIndex((p) => p.name === name);
    if (i < 0) return false;
    this.plugins.splice(i, 1);
    return true;
  }

  get(name: string): P | undefined {
    return this.plugins.find((p) => p.name === name);
  }

  /** In call order (highest priority first). */
  list(): readonly P[] {
    return [...this.plugins];
  }

  /** Calls the hook on every plugin that has it; returns their results in order. */
  invokeAll<K extends HookName<P>>(hook: K, ...args: Parameters<HookFn<P, K>>): ReturnType<HookFn<P, K>>[] {
    const results: ReturnType<HookFn<P, K>>[] = [];
    for (const plugin of [...this.plugins]) {
      const fn = plugin[hook] as unknown as HookFn<P, K> | undefined;
      if (typeof fn === 'function') results.push(fn.apply(plugin, args));
    }
    return results;
  }

  /** Calls the hook plugin by plugin until one returns something other than undefined/null. */
  invokeFirst<K extends HookName<P>>(hook: K, ...args: Parameters<HookFn<P, K>>): ReturnType<HookFn<P, K>> | undefined {
    for (const plugin of [...this.plugins]) {
      const fn = plugin[hook] as unknown as HookFn<P, K> | undefined;
      if (typeof fn !== 'function') continue;
      const result = fn.apply(plugin, args);
      if (result !== undefined && result !== null) return result;
    }
    return undefined;
  }
}
