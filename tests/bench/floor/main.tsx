/**
 * The bundle budget's floor: one screen using only the app's runtime packages (react, react-dom,
 * dexie, i18next, react-i18next, workbox-window). Built in the same run as the app; the app's
 * start page may load at most 1.4× this floor's JavaScript (see docs/performance.md).
 */
import { Dexie, type EntityTable } from 'dexie';
import i18next from 'i18next';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initReactI18next, useTranslation } from 'react-i18next';
import { Workbox } from 'workbox-window';

interface Item {
  id: string;
  name: string;
}

const db = new Dexie('floor') as Dexie & { items: EntityTable<Item, 'id'> };
db.version(1).stores({ items: 'id, name' });

function Screen() {
  const { t } = useTranslation();
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void db.items.count().then(setCount);
  }, []);
  return (
    <main>
      <h1>{t('title')}</h1>
      <p>{t('count', { count: count ?? 0 })}</p>
    </main>
  );
}

async function start(): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: 'de',
    resources: { de: { translation: { title: 'Brücke', count: '{{count}} Einträge' } } },
    interpolation: { escapeValue: false },
  });
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root element');
  createRoot(root).render(
    <StrictMode>
      <Screen />
    </StrictMode>,
  );
  if ('serviceWorker' in navigator) void new Workbox('/sw.js', { scope: '/' }).register();
}

void start();
