/**
 * Defines `key` on `target` as an enumerable property whose value is computed on first read and
 * then kept: a report computes what only some outputs show (a change's file location, a
 * suggestion's code) for the outputs that read it, and the others pay nothing. To every reader
 * (property access, spread, JSON.stringify, Object.keys) it is an ordinary property.
 */
export function lazyProperty<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get(): T[K] {
      const value = compute();
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
    set(value: T[K]): void {
      Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}
