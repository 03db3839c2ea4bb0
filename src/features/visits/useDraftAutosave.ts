import { useCallback, useEffect, useRef, useState } from 'react';
import type { RepoDeps } from '../../db/deps';
import { saveDraft } from '../../db/repositories/drafts';

export interface DraftSnapshot {
  title: string;
  data: unknown;
}

export type AutosaveStatus = 'idle' | 'saved' | 'failed';

export interface DraftAutosave {
  status: AutosaveStatus;
  /** Drops a change not yet written (the form is being saved for real). */
  cancel: () => void;
  /** After a save that failed: writes the form as it is now (what `cancel` dropped included). */
  resume: () => void;
}

const DEBOUNCE_MS = 300;

/**
 * Keeps a half-typed form in IndexedDB: written 300 ms after the last change, and at once when
 * the page is hidden, closed or the screen is left. `snapshot` null means "nothing to keep"
 * (untouched, or being saved).
 */
export function useDraftAutosave(
  deps: RepoDeps,
  draftId: string,
  kind: 'visit',
  snapshot: DraftSnapshot | null,
): DraftAutosave {
  const pending = useRef<DraftSnapshot | null>(null);
  const latest = useRef<DraftSnapshot | null>(snapshot);
  const [status, setStatus] = useState<AutosaveStatus>('idle');

  const write = useCallback(async () => {
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    try {
      await saveDraft(deps, { id: draftId, kind, title: next.title, data: next.data });
      setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }, [deps, draftId, kind]);

  useEffect(() => {
    pending.current = snapshot;
    latest.current = snapshot;
    if (!snapshot) return;
    const timer = setTimeout(() => void write(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [snapshot, write]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void write();
    };
    const onPageHide = () => void write();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      // Leaving the screen inside the app: keep what was typed in the last 300 ms.
      void write();
    };
  }, [write]);

  const cancel = useCallback(() => {
    pending.current = null;
  }, []);

  const resume = useCallback(() => {
    pending.current = latest.current;
    void write();
  }, [write]);

  return { status, cancel, resume };
}
