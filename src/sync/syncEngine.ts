/**
 * The sync engine as one lazily loaded chunk: `startBrowserSync` imports this with `import()`
 * when a round runs or the auth API is used, so the start page does not download the engine
 * (and the zod schemas it validates with) before the first screen.
 */
export { createAuthApi } from './authApi';
export { runSync } from './runSync';
export { createSyncApi } from './syncApi';
