import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createServer } from '../../src/server/createServer';

declare module 'vitest' {
  export interface ProvidedContext {
    /** e.g. `http://127.0.0.1:41234` (no trailing slash): the real server with the built app. */
    baseUrl: string;
  }
}

/** Starts the real server on a free port for the e2e tests; `inject('baseUrl')` in tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const staticDir = resolve(import.meta.dirname, '..', '..', 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(
      `${staticDir}/index.html is missing: build first (\`npm run test:e2e\` runs \`npm run build\`).`,
    );
  }
  const app = createServer({ staticDir });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  project.provide('baseUrl', address.replace(/\/$/, ''));
  return async () => {
    await app.close();
  };
}
