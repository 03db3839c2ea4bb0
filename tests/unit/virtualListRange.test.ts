import { describe, expect, it } from 'vitest';
import {
  clampWindow,
  keyTarget,
  renderedIndexes,
  tabTarget,
  visibleWindow,
} from '../../src/app/ui/VirtualListRange';

const geometry = { count: 1000, rowSize: 80, viewportSize: 800, overscan: 0 };

describe('visibleWindow', () => {
  it('covers exactly the rows that intersect the viewport', () => {
    expect(visibleWindow({ ...geometry, viewportStart: 0 })).toEqual({ start: 0, end: 10 });
    // 40 px into row 5 down to 40 px into row 15.
    expect(visibleWindow({ ...geometry, viewportStart: 440 })).toEqual({ start: 5, end: 16 });
  });

  it('widens the window by the overscan on both sides, within the list', () => {
    expect(visibleWindow({ ...geometry, viewportStart: 800, overscan: 3 })).toEqual({
      start: 7,
      end: 23,
    });
    expect(visibleWindow({ ...geometry, viewportStart: 0, overscan: 3 })).toEqual({
      start: 0,
      end: 13,
    });
    expect(visibleWindow({ ...geometry, viewportStart: 79_500, overscan: 3 })).toEqual({
      start: 990,
      end: 1000,
    });
  });

  it('renders the first rows when the list starts below the viewport top', () => {
    // The list begins 600 px down the viewport: rows 0 and 1 (and a half) are visible.
    expect(visibleWindow({ ...geometry, viewportStart: -600 })).toEqual({ start: 0, end: 3 });
    // Entirely below the viewport (100 px further down): only what the overscan reaches.
    expect(visibleWindow({ ...geometry, viewportStart: -900, overscan: 2 })).toEqual({
      start: 0,
      end: 1,
    });
    expect(visibleWindow({ ...geometry, viewportStart: -2000, overscan: 2 })).toEqual({
      start: 0,
      end: 0,
    });
  });

  it('renders nothing for an empty list or before the row size is known', () => {
    expect(visibleWindow({ ...geometry, count: 0, viewportStart: 0 })).toEqual({
      start: 0,
      end: 0,
    });
    expect(visibleWindow({ ...geometry, rowSize: 0, viewportStart: 0 })).toEqual({
      start: 0,
      end: 0,
    });
  });

  it('never renders more than a screenful plus the overscan, however long the list', () => {
    const w = visibleWindow({
      ...geometry,
      count: 1_000_000,
      viewportStart: 4_000_000,
      overscan: 8,
    });
    expect(w.end - w.start).toBeLessThanOrEqual(800 / 80 + 1 + 16);
  });
});

describe('renderedIndexes', () => {
  it('adds pinned rows outside the window, in list order', () => {
    expect(renderedIndexes({ start: 10, end: 13 }, [2, null, 40], 100)).toEqual([
      2, 10, 11, 12, 40,
    ]);
  });

  it('does not repeat a pinned row inside the window and ignores ones past the end', () => {
    expect(renderedIndexes({ start: 0, end: 3 }, [1, 7, -1], 5)).toEqual([0, 1, 2]);
  });

  it('cuts a window left over from a longer list at the new length', () => {
    expect(renderedIndexes({ start: 0, end: 20 }, [], 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(renderedIndexes({ start: 30, end: 40 }, [], 7)).toEqual([]);
  });
});

describe('clampWindow', () => {
  it('cuts a window at the list length, so a shorter list needs no new window', () => {
    expect(clampWindow({ start: 0, end: 18 }, 7)).toEqual({ start: 0, end: 7 });
    expect(clampWindow({ start: 20, end: 38 }, 7)).toEqual({ start: 7, end: 7 });
    expect(clampWindow({ start: 0, end: 18 }, 100)).toEqual({ start: 0, end: 18 });
  });
});

describe('keyTarget', () => {
  it('moves by one row, a page, or to either end, never past the list', () => {
    expect(keyTarget('ArrowDown', 4, 10, 5)).toBe(5);
    expect(keyTarget('ArrowUp', 4, 10, 5)).toBe(3);
    expect(keyTarget('ArrowUp', 0, 10, 5)).toBe(0);
    expect(keyTarget('ArrowDown', 9, 10, 5)).toBe(9);
    expect(keyTarget('PageDown', 4, 10, 5)).toBe(9);
    expect(keyTarget('PageUp', 4, 10, 5)).toBe(0);
    expect(keyTarget('PageDown', 1, 100, 7.6)).toBe(8);
    expect(keyTarget('Home', 4, 10, 5)).toBe(0);
    expect(keyTarget('End', 4, 10, 5)).toBe(9);
  });

  it('leaves other keys and empty lists alone', () => {
    expect(keyTarget('Enter', 4, 10, 5)).toBeNull();
    expect(keyTarget('a', 4, 10, 5)).toBeNull();
    expect(keyTarget('ArrowDown', 0, 0, 5)).toBeNull();
  });
});

describe('tabTarget', () => {
  it('lets the browser tab to a rendered neighbour', () => {
    expect(tabTarget(false, 3, 100, [2, 3, 4])).toBeNull();
    expect(tabTarget(true, 3, 100, [2, 3, 4])).toBeNull();
  });

  it('moves focus itself to a neighbour that is not rendered yet', () => {
    expect(tabTarget(false, 4, 100, [2, 3, 4])).toBe(5);
    expect(tabTarget(true, 2, 100, [2, 3, 4])).toBe(1);
  });

  it('lets Tab leave the list at its real ends', () => {
    expect(tabTarget(false, 99, 100, [98, 99])).toBeNull();
    expect(tabTarget(true, 0, 100, [0, 1])).toBeNull();
  });
});
