// Reading and writing a pack's JSON by path, in the path format the server's errors use
// ("limits.discountTiers[1].maxDiscountBps").
export type Key = string | number;

export function pathText(path: readonly Key[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    "",
  );
}

export function getAt(root: unknown, path: readonly Key[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `root` with `value` at `path` (undefined removes the key). */
export function setAt<T>(root: T, path: readonly Key[], value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path as [Key, ...Key[]];
  const base: Record<string | number, unknown> | unknown[] = Array.isArray(root)
    ? [...root]
    : { ...((root as Record<string, unknown>) ?? {}) };
  const next = setAt((base as Record<string | number, unknown>)[head], rest, value);
  if (next === undefined && !Array.isArray(base)) delete (base as Record<string | number, unknown>)[head];
  else (base as Record<string | number, unknown>)[head] = next;
  return base as T;
}
