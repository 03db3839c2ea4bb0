import { Workbox } from 'workbox-window';
import { useUpdateStore } from './updateStore';

/**
 * Registers the service worker built by vite-plugin-pwa. A new version waits until the user
 * accepts the update prompt, so nothing half-typed is lost to a surprise reload.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  wb.addEventListener('waiting', () => {
    useUpdateStore.getState().offerUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
