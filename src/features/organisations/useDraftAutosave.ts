import { useCallback, useEffect, useRef, useState } from 'react';
import type { Draft } from '../../db/database';
import type { RepoDeps } from '../../db/deps';
import { saveDraft } from '../../db/repositories/drafts';

interface Options {
  deps: RepoDeps;
  draftId: string;
  kind: Draft['kind'];
  title: string;
  data: unknown;
  /** Only a form that differs from where it started is worth a draft. */
  dirty: boolean;
  delayMs?: number;
}

export interface DraftAutosave {
  /** When the last draft was written (ISO), for a quiet "draft saved" note. */
  savedAt: string | null;
  /** Stops autosaving and waits for a write in flight: call before committing the record. */
  pause: () => Promise<void>;
  resume: () => void;
  /** Writes the draft at once (e.g. after a failed save). */
  saveNow: () => void;
}

/**
 * Keeps a half-typed form as a local draft: debounced while typing, and at once when the page
 * is hidden or left (a tablet put to sleep in a basement must not lose the visit's notes).
 */
export function useDraftAutosave({
  deps,
  draftId,
  kind,
  title,
  data,
  dirty,
  delayMs = 300,
}: Options): DraftAutosave {
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const latest = useRef({ title, data, dirty });
  const paused = useRef(false);
  const changed = useRef(false);
  const inFlight = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    latest.current = { title, data, dirty };
  }, [title, data, dirty]);

  const flush = useCallback(() => {
    const { title: t, data: d, dirty: isDirty } = latest.current;
    if (paused.current || !isDirty || !changed.current) return;
    changed.current = false;
    const write = saveDraft(deps, { id: draftId, kind, title: t, data: d }).then(
      () => setSavedAt(deps.now().toISOString()),
      () => {
        // The draft could not be kept (storage full); the form itself is still on screen.
        changed.current = true;
      },
    );
    inFlight.current = inFlight.current.then(() => write);
  }, [deps, draftId, kind]);

  useEffect(() => {
    if (!dirty) return;
    changed.current = true;
    const timer = window.setTimeout(flush, delayMs);
    return () => window.clearTimeout(timer);
  }, [data, title, dirty, delayMs, flush]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', flush);
      // Leaving the screen keeps what was typed.
      flush();
    };
  }, [flush]);

  const pause = useCallback(async () => {
    paused.current = true;
    await inFlight.current;
  }, []);
  const resume = useCallback(() => {
    paused.current = false;
  }, []);

  const saveNow = useCallback(() => {
    changed.current = true;
    flush();
  }, [flush]);

  return { savedAt, pause, resume, saveNow };
}
