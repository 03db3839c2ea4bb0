/**
 * Which field paths of a record's metadata lie below a given path, without scanning them all.
 * Paths are dot-joined ("needs.school.state"); `k` lies below `p` when `k` starts with `p.`, i.e.
 * when `p` is `k` cut off before one of its dots. Counts every such prefix of the paths it holds,
 * so "anything below p?" is one lookup. Pure bookkeeping for `mergeMutation`.
 */
export class FieldPathIndex {
  private readonly below = new Map<string, number>();

  constructor(paths: Iterable<string>) {
    for (const path of paths) this.add(path);
  }

  add(path: string): void {
    for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) {
      const prefix = path.slice(0, i);
      this.below.set(prefix, (this.below.get(prefix) ?? 0) + 1);
    }
  }

  remove(path: string): void {
    for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1)) {
      const prefix = path.slice(0, i);
      const left = (this.below.get(prefix) ?? 0) - 1;
      if (left > 0) this.below.set(prefix, left);
      else this.below.delete(prefix);
    }
  }

  /** Whether some path held here starts with `${path}.`. */
  hasBelow(path: string): boolean {
    return this.below.has(path);
  }
}

/** The paths that `path` starts with followed by a dot ("a", "a.b" for "a.b.c"), shortest first. */
export function pathsAbove(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1))
    out.push(path.slice(0, i));
  return out;
}

/**
 * Whether no path equals another or lies below it ("a" and "a.b" are not apart, "a.b" and "a.c"
 * are). Then writing every path into one object touches each leaf once, and no write lands inside
 * a value that another one wrote.
 */
export function pathsApart(paths: readonly string[]): boolean {
  const all = new Set(paths);
  if (all.size !== paths.length) return false;
  for (const path of paths) {
    for (let i = path.indexOf('.'); i !== -1; i = path.indexOf('.', i + 1))
      if (all.has(path.slice(0, i))) return false;
  }
  return true;
}
