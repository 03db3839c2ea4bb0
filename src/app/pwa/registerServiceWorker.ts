import { useUpdateStore } from './updateStore';

/**
 * Registers the service worker built by vite-plugin-pwa. A new version waits until the user
 * accepts the update prompt, so nothing half-typed is lost to a surprise reload. Called after the
 * first screen; workbox-window is loaded only then (a lazy chunk, not part of the start page).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  void import('workbox-window').then(({ Workbox }) => {
    const wb = new Workbox('/sw.js', { scope: '/' });
    wb.addEventListener('waiting', () => {
      useUpdateStore.getState().offerUpdate(() => {
        wb.addEventListener('controlling', () => window.location.reload());
        wb.messageSkipWaiting();
      });
    });
    return wb.register();
  });
}
