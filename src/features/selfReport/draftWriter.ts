import type { RepoDeps } from '../../db/deps';
import {
  saveSelfReportDraft,
  type SelfReportDraftData,
} from '../../db/repositories/selfReportDrafts';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface DraftWriter {
  /** Something changed: written after a short pause (typing), "saving" until committed. */
  schedule: () => void;
  /** Writes a pending change now; resolves once every write so far is committed. */
  flush: () => Promise<void>;
  /** Writes the current draft now, pending or not (before anything goes out). */
  writeNow: () => Promise<void>;
}

interface Options {
  deps: RepoDeps;
  delayMs: number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  /** The draft as it is now, and where it goes; null while there is nothing to keep. */
  current: () => { id: string; data: SelfReportDraftData } | null;
  onSaveState: (save: SaveState) => void;
}

/**
 * Keeps the draft in IndexedDB: debounced while typing, at once when asked. Writes run one after
 * the other, and "saved" is reported only when the last change is committed.
 */
export function createDraftWriter(options: Options): DraftWriter {
  let dirty = false;
  let timer: unknown = null;
  let writes: Promise<void> = Promise.resolve();

  function cancelTimer(): void {
    if (timer !== null) options.clearTimer(timer);
    timer = null;
  }

  function writeNow(): Promise<void> {
    cancelTimer();
    const target = options.current();
    if (!target) return writes;
    dirty = false;
    options.onSaveState('saving');
    writes = writes.then(() =>
      saveSelfReportDraft(options.deps, target.id, target.data).then(
        () => {
          if (!dirty) options.onSaveState('saved');
        },
        () => {
          // Storage full or blocked: the answers are still on screen; try again on the next change.
          dirty = true;
          options.onSaveState('failed');
        },
      ),
    );
    return writes;
  }

  return {
    schedule() {
      dirty = true;
      options.onSaveState('saving');
      cancelTimer();
      timer = options.setTimer(() => {
        timer = null;
        void writeNow();
      }, options.delayMs);
    },
    flush() {
      return dirty ? writeNow() : writes;
    },
    writeNow,
  };
}
