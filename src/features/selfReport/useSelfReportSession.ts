import { useDeferredValue, useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { browserSelfReportApi } from './earlyLoad';
import type { SelfReportApi } from './selfReportApi';
import { createSelfReportSession, type SelfReportSession, type SessionState } from './session';

/**
 * The self-report session for one link, wired to the browser: autosave when the page is hidden
 * or left, resend a queued report when the phone is online again or the page comes back.
 */
export function useSelfReportSession(
  token: string,
  api?: SelfReportApi,
): {
  session: SelfReportSession;
  state: SessionState;
} {
  const deps = useDeps();
  const { i18n } = useTranslation();
  const [session] = useState(() =>
    createSelfReportSession({
      deps,
      api: api ?? browserSelfReportApi(),
      token,
      isOnline: () => navigator.onLine,
      language: () => i18n.resolvedLanguage ?? i18n.language,
      setTimer: (fn, ms) => window.setTimeout(fn, ms),
      clearTimer: (handle) => window.clearTimeout(handle as number),
    }),
  );
  const current = useSyncExternalStore(session.subscribe, session.getState);
  // A new phase (e.g. "loading" → the first step) is a whole new screen: React renders it in the
  // background, in short slices, and keeps the previous one until it is ready. Within a phase
  // (typing, steps) every change is shown at once.
  const deferred = useDeferredValue(current);
  const state = deferred.phase === current.phase ? current : deferred;

  useEffect(() => {
    void session.start();
    const onOnline = () => void session.retry();
    const onHide = () => void session.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void session.flush();
      else void session.retry();
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      session.dispose();
    };
  }, [session]);

  useEffect(() => {
    // The language the representative reads in is recorded with the report.
    const onLanguage = (code: string) => session.setLanguage(code);
    i18n.on('languageChanged', onLanguage);
    return () => i18n.off('languageChanged', onLanguage);
  }, [i18n, session]);

  return { session, state };
}
