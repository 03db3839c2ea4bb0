/**
 * The arithmetic of a windowed list with one stable row height: which rows to render for a
 * viewport, where each row sits, and where keyboard moves land. Pure, so it is tested without a
 * browser; VirtualList.tsx does the DOM part.
 */

export interface RowWindow {
  /** First row to render. */
  start: number;
  /** One past the last row to render. */
  end: number;
}

export interface ViewportGeometry {
  count: number;
  /** Height of one row in CSS pixels (> 0). */
  rowSize: number;
  /** Distance from the list's top edge down to the viewport's top edge (negative: list below it). */
  viewportStart: number;
  viewportSize: number;
  /** Extra rows rendered on each side, so fast scrolling and tabbing rarely meet an edge. */
  overscan: number;
}

const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

/** The rows that intersect the viewport, widened by `overscan` on both sides. */
export function visibleWindow(g: ViewportGeometry): RowWindow {
  if (g.count <= 0 || !(g.rowSize > 0)) return { start: 0, end: 0 };
  const first = Math.floor(g.viewportStart / g.rowSize);
  const last = Math.ceil((g.viewportStart + Math.max(0, g.viewportSize)) / g.rowSize);
  const overscan = Math.max(0, Math.floor(g.overscan));
  const start = clamp(first - overscan, 0, g.count);
  const end = clamp(last + overscan, start, g.count);
  return { start, end };
}

/**
 * The row indexes to render, ascending (the DOM order is the tab order): the window plus pinned
 * rows outside it (the focused row stays rendered when it scrolls away, so focus is never lost).
 */
export function renderedIndexes(
  window: RowWindow,
  pinned: readonly (number | null)[],
  count: number,
): number[] {
  const out: number[] = [];
  // The window may still be the one of a longer list (it is recomputed after the render).
  for (let i = window.start; i < Math.min(window.end, count); i += 1) out.push(i);
  const extra = pinned.filter(
    (p): p is number =>
      p !== null &&
      Number.isInteger(p) &&
      p >= 0 &&
      p < count &&
      (p < window.start || p >= window.end),
  );
  return [...new Set([...out, ...extra])].sort((a, b) => a - b);
}

export const sameWindow = (a: RowWindow, b: RowWindow): boolean =>
  a.start === b.start && a.end === b.end;

/** A window cut at the list's length: what it renders of a list of `count` rows. */
export const clampWindow = (w: RowWindow, count: number): RowWindow => ({
  start: Math.min(w.start, count),
  end: Math.min(w.end, count),
});

export type ListKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End' | 'PageDown' | 'PageUp';

/** Where a navigation key moves from row `index` (clamped to the list); null for other keys. */
export function keyTarget(
  key: string,
  index: number,
  count: number,
  rowsPerPage: number,
): number | null {
  if (count <= 0) return null;
  const page = Math.max(1, Math.floor(rowsPerPage));
  const moves: Record<ListKey, number> = {
    ArrowDown: index + 1,
    ArrowUp: index - 1,
    Home: 0,
    End: count - 1,
    PageDown: index + page,
    PageUp: index - page,
  };
  return key in moves ? clamp(moves[key as ListKey], 0, count - 1) : null;
}

/**
 * Tab and Shift+Tab normally walk the rendered rows in DOM order. At the edge of the rendered
 * window the next row is not in the DOM yet: then the list moves focus itself (returns the row);
 * otherwise (next row rendered, or the list's real end) the browser does it (null).
 */
export function tabTarget(
  backwards: boolean,
  index: number,
  count: number,
  rendered: readonly number[],
): number | null {
  const next = backwards ? index - 1 : index + 1;
  if (next < 0 || next >= count) return null;
  return rendered.includes(next) ? null : next;
}
