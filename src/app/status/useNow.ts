import { useEffect, useState } from 'react';
import { useDeps } from '../DepsContext';

/** The current time from the injected clock, refreshed every `everyMs` (for "3 minutes ago"). */
export function useNow(everyMs = 30_000): Date {
  const { now } = useDeps();
  const [current, setCurrent] = useState(() => now());
  useEffect(() => {
    const id = window.setInterval(() => setCurrent(now()), everyMs);
    return () => window.clearInterval(id);
  }, [now, everyMs]);
  return current;
}
