/**
 * The first `Intl` number or date formatter in a page loads the language's ICU data: tens of
 * milliseconds of main-thread work on a phone. A page that formats on its first screen (the
 * self-report's progress and the link's expiry date) can do that while it waits for its data,
 * in idle moments, one formatter per task; later formatters of the language are then cheap.
 */
export function prepareIntl(language: string): void {
  const idle = (fn: () => void): void => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(fn, { timeout: 1000 });
    else setTimeout(fn, 1);
  };
  idle(() => {
    new Intl.NumberFormat(language).format(1);
    idle(() => {
      new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(0);
    });
  });
}
