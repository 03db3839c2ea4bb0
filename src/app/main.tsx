/**
 * The entry: only picks which page to start. A representative's invitation link
 * (`#/report/<token>`) gets the small self-report page, every other address the coordinator's
 * app; each is its own chunk (vite.config.ts, src/build/startChunks.ts), and index.html's preload
 * script (src/build/startPreload.ts) fetches the chosen one in parallel with this entry.
 */
import { parseRoute } from './routes';
import './styles/base.css';
import './styles/layout.css';
import './styles/forms.css';

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  if (parseRoute(window.location.hash).name === 'selfReport') {
    const page = await import('./startSelfReportPage');
    await page.startSelfReportPage(root);
  } else {
    const app = await import('./startCoordinator');
    await app.startCoordinator(root);
  }
}

void start();
