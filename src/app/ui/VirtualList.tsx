import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import {
  clampWindow,
  keyTarget,
  renderedIndexes,
  sameWindow,
  tabTarget,
  visibleWindow,
  type RowWindow,
} from './VirtualListRange';
import './VirtualList.css';

interface Props<T> {
  items: readonly T[];
  getKey: (item: T) => string;
  /** The row's content; its first link or button is what keyboard moves focus to. */
  renderRow: (item: T, index: number) => ReactNode;
  /** Every row's block size as a CSS length (e.g. `var(--org-row-size)`); measured once laid out. */
  rowSize: string;
  label: string;
  /** On the list's frame (which also holds the row size probe, so CSS variables reach both). */
  className?: string;
  testId?: string;
  overscan?: number;
}

/** Until the first row is measured: a typical two-line row. */
const INITIAL_ROW_PX = 80;
const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

function indexOf(target: EventTarget | null): number | null {
  const row = target instanceof Element ? target.closest('[data-row-index]') : null;
  const value = row?.getAttribute('data-row-index');
  return value === null || value === undefined ? null : Number(value);
}

/** Whether Tab (or Shift+Tab) from `target` leaves its row: it is the row's last (first) stop. */
function leavesRow(target: EventTarget | null, backwards: boolean): boolean {
  const row = target instanceof Element ? target.closest('[data-row-index]') : null;
  if (!row) return false;
  const stops = [...row.querySelectorAll(FOCUSABLE)];
  return (backwards ? stops[0] : stops.at(-1)) === target;
}

/**
 * A list that renders only the rows near the viewport (the page itself scrolls; rows have one
 * stable height). It stays a real list for assistive technology (`role="list"`, each row says
 * its position and the list's length), keeps the focused row rendered while it is scrolled away,
 * and moves focus across rows that are not rendered yet: Tab and Shift+Tab walk every row as in
 * a plain list; arrow keys, Page Up/Down, Home and End move between rows. Logical positioning,
 * so it works the same in right-to-left languages.
 */
export function VirtualList<T>({
  items,
  getKey,
  renderRow,
  rowSize,
  label,
  className,
  testId,
  overscan = 8,
}: Props<T>) {
  const listRef = useRef<HTMLUListElement>(null);
  const probeRef = useRef<HTMLDivElement>(null);
  const [rowPx, setRowPx] = useState(INITIAL_ROW_PX);
  const [range, setRange] = useState<RowWindow>({ start: 0, end: 0 });
  const [focused, setFocused] = useState<number | null>(null);
  /** A row the keyboard moved to: rendered now, focused once it is in the DOM. */
  const [pinned, setPinned] = useState<number | null>(null);
  const pendingFocus = useRef<number | null>(null);
  const count = items.length;

  const update = useCallback(() => {
    const list = listRef.current;
    if (!list) return;
    const next = visibleWindow({
      count,
      rowSize: rowPx,
      viewportStart: -list.getBoundingClientRect().top,
      viewportSize: window.innerHeight,
      overscan,
    });
    // A list that got shorter renders the old window cut at its end: no second render for that.
    setRange((prev) => (sameWindow(clampWindow(prev, count), next) ? prev : next));
  }, [count, rowPx, overscan]);

  // Before paint: the first render already shows the right rows.
  useLayoutEffect(() => {
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, [update]);

  // The real row height in pixels (font size, zoom, media queries), from a probe of that size.
  useLayoutEffect(() => {
    const probe = probeRef.current;
    if (!probe) return;
    const measure = (): void => {
      const px = probe.getBoundingClientRect().height;
      if (px > 0) setRowPx((prev) => (Math.abs(prev - px) < 0.25 ? prev : px));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(probe);
    return () => observer.disconnect();
  }, [rowSize]);

  const clampedFocus = focused !== null && focused < count ? focused : null;
  const indexes = renderedIndexes(range, [clampedFocus, pinned], count);

  // Focus the row the keyboard asked for once it is rendered, and bring it into view.
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    const row = listRef.current?.querySelector(`[data-row-index="${index}"]`);
    const target = row?.querySelector<HTMLElement>(FOCUSABLE);
    if (!row || !target) return;
    pendingFocus.current = null;
    row.scrollIntoView({ block: 'nearest' });
    target.focus({ preventScroll: true });
  }, [pinned, indexes]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = indexOf(event.target);
    if (index === null) return;
    if (event.key === 'Tab' && !leavesRow(event.target, event.shiftKey)) return;
    const next =
      event.key === 'Tab'
        ? tabTarget(event.shiftKey, index, count, indexes)
        : keyTarget(event.key, index, count, window.innerHeight / rowPx - 1);
    if (next === null || next === index) return;
    event.preventDefault();
    pendingFocus.current = next;
    setPinned(next);
  };

  const onFocus = (event: FocusEvent<HTMLUListElement>): void => {
    // The focused row stays rendered from now on; the keyboard's pin is no longer needed.
    setFocused(indexOf(event.target));
    setPinned(null);
  };
  const onBlur = (event: FocusEvent<HTMLUListElement>): void => {
    if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
  };

  return (
    <div className={`virtual-list-frame${className ? ` ${className}` : ''}`}>
      <div
        ref={probeRef}
        className="virtual-probe"
        aria-hidden="true"
        style={{ blockSize: rowSize }}
      />
      <ul
        ref={listRef}
        role="list"
        aria-label={label}
        className="virtual-list"
        data-testid={testId}
        style={{ blockSize: `${count * rowPx}px` }}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        onBlur={onBlur}
      >
        {indexes.map((i) => {
          const item = items[i] as T;
          return (
            <li
              key={getKey(item)}
              className="virtual-row"
              data-row-index={i}
              aria-setsize={count}
              aria-posinset={i + 1}
              style={{ insetBlockStart: `${i * rowPx}px`, blockSize: `${rowPx}px` }}
            >
              {renderRow(item, i)}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
