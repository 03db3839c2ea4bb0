import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/organisationStatus';
import { demoDataSetting } from '../../db/queries/settings';
import { loadDemoData, type DemoLoadResult } from '../../db/repositories/demoData';
import { useDeps } from '../../app/DepsContext';
import { useFormatters } from '../../app/ui/useFormatters';
import { buildDemoData, demoIdGenerator } from './demoData';

type Outcome = DemoLoadResult | { status: 'failed' };

/** Loads the fictional demo set once; says clearly when demo data is present. */
export function DemoDataSection() {
  const { t } = useTranslation(['settings']);
  const deps = useDeps();
  const fmt = useFormatters();
  const setting = useLiveQuery(() => demoDataSetting(deps.db), [deps.db]);
  const [loading, setLoading] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function load(): Promise<void> {
    setLoading(true);
    setOutcome(null);
    try {
      const set = buildDemoData(todayIso(deps.now()), demoIdGenerator());
      setOutcome(await loadDemoData(deps, set));
    } catch {
      setOutcome({ status: 'failed' });
    } finally {
      setLoading(false);
    }
  }

  const message =
    outcome?.status === 'loaded'
      ? t('settings:demo.loadedNow', { count: outcome.organisations, visits: outcome.visits })
      : outcome?.status === 'alreadyLoaded'
        ? t('settings:demo.alreadyLoaded')
        : outcome?.status === 'failed'
          ? t('settings:demo.failed')
          : loading
            ? t('settings:demo.loading')
            : '';

  return (
    <section className="card" aria-labelledby="settings-demo-title">
      <h2 id="settings-demo-title">{t('settings:demo.title')}</h2>
      <p>{t('settings:demo.intro')}</p>
      {setting ? (
        <p className="demo-loaded" data-testid="demo-data-status">
          {t('settings:demo.loadedSince', { date: fmt.dateTime(setting.loadedAt) })}
        </p>
      ) : null}
      <button
        type="button"
        className="button primary"
        disabled={loading || setting === undefined || setting !== null}
        data-testid="load-demo-data"
        onClick={() => void load()}
      >
        {t('settings:demo.load')}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={outcome?.status === 'failed' ? 'field-error' : 'saved-message'}
      >
        {message}
      </p>
    </section>
  );
}
