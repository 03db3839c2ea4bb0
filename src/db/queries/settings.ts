import type { BrueckeDb } from '../database';

/** The `settings` key under which loading the demo set is recorded. */
export const DEMO_DATA_KEY = 'demoData';

export interface DemoDataSetting {
  loadedAt: string;
}

function isDemoSetting(value: unknown): value is DemoDataSetting {
  return (
    typeof value === 'object' &&
    value !== null &&
    'loadedAt' in value &&
    typeof value.loadedAt === 'string'
  );
}

/** When the demo set was loaded on this device, or null if it never was. */
export async function demoDataSetting(db: BrueckeDb): Promise<DemoDataSetting | null> {
  const entry = await db.settings.get(DEMO_DATA_KEY);
  return entry && isDemoSetting(entry.value) ? { loadedAt: entry.value.loadedAt } : null;
}
