import { formattersFor } from './ui/useFormatters';

/**
 * The first `Intl` number or date formatter in a page loads the language's ICU data: tens of
 * milliseconds of main-thread work on a phone. A page that formats on its first screen (the
 * self-report's progress and the link's expiry date) can build the app's shared formatters of
 * its language (useFormatters.ts) while it waits for its data, in idle moments, one per task;
 * its screens then find them ready.
 */
export function prepareIntl(language: string): void {
  const idle = (fn: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
    else setTimeout(fn, 1);
  };
  const formatters = formattersFor(language);
  idle(() => {
    formatters.number(1);
    idle(() => {
      formatters.dateTime(new Date(0).toISOString());
    });
  });
}
