/**
 * Hybrid logical clock (Kulkarni et al.): wall-clock milliseconds, a counter for events within
 * the same millisecond, and the node id as tie breaker. Encoded as a fixed-width string so that
 * string order equals causal-then-wall order. Pure: the caller passes the current time.
 */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  readonly node: string;
}

const WALL_WIDTH = 15;
const COUNTER_WIDTH = 6;

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(WALL_WIDTH, '0')}-${String(h.counter).padStart(COUNTER_WIDTH, '0')}-${h.node}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^(\d{15})-(\d{6})-(.+)$/.exec(s);
  if (!m?.[1] || !m[2] || !m[3]) throw new Error(`not a clock stamp: ${s}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

export function isHlc(s: string): boolean {
  return /^\d{15}-\d{6}-.+$/.test(s);
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function initialHlc(node: string): Hlc {
  return { wall: 0, counter: 0, node };
}

/** A local event: move past both the wall clock and everything seen so far. */
export function tick(prev: Hlc, nowMs: number): Hlc {
  if (nowMs > prev.wall) return { wall: nowMs, counter: 0, node: prev.node };
  return { wall: prev.wall, counter: prev.counter + 1, node: prev.node };
}

/** A remote stamp was seen: the next local stamp must sort after it. */
export function receive(prev: Hlc, remote: Hlc, nowMs: number): Hlc {
  const wall = Math.max(prev.wall, remote.wall, nowMs);
  let counter = 0;
  if (wall === prev.wall && wall === remote.wall)
    counter = Math.max(prev.counter, remote.counter) + 1;
  else if (wall === prev.wall) counter = prev.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter, node: prev.node };
}
