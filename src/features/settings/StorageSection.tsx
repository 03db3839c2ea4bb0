import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePersistStore } from '../../app/status/storagePersistence';
import { formatBytes, formatShare } from './formatBytes';

interface Usage {
  usage: number;
  quota: number;
}

const canEstimate = (): boolean =>
  typeof navigator !== 'undefined' &&
  'storage' in navigator &&
  typeof navigator.storage.estimate === 'function';

/** Whether the browser keeps our data, why that matters, and how much space is used. */
export function StorageSection() {
  const { t, i18n } = useTranslation(['settings', 'common']);
  const state = usePersistStore((s) => s.state);
  const request = usePersistStore((s) => s.request);
  const [usage, setUsage] = useState<Usage | null>(null);
  const [requesting, setRequesting] = useState(false);
  const supported = canEstimate();

  useEffect(() => {
    if (!supported) return;
    let active = true;
    navigator.storage
      .estimate()
      .then((e) => {
        if (active && e.usage !== undefined && e.quota !== undefined) {
          setUsage({ usage: e.usage, quota: e.quota });
        }
      })
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [supported, state]);

  async function requestAgain(): Promise<void> {
    setRequesting(true);
    try {
      await request();
    } finally {
      setRequesting(false);
    }
  }

  const lang = i18n.language;
  return (
    <section className="card" aria-labelledby="settings-storage-title">
      <h2 id="settings-storage-title">{t('settings:storage.title')}</h2>
      <p>
        <strong>{t('settings:storage.stateLabel')}</strong>{' '}
        <span
          className={`tag${state === 'persisted' ? ' ok' : state === 'unknown' ? '' : ' danger'}`}
          data-testid="storage-state"
          data-state={state}
        >
          {t(`common:status.storage.${state}`)}
        </span>
      </p>
      <p>{t(`settings:storage.explain.${state}`)}</p>
      {state !== 'unsupported' ? (
        <button
          type="button"
          className="button"
          disabled={requesting}
          data-testid="storage-request"
          onClick={() => void requestAgain()}
        >
          {t('settings:storage.request')}
        </button>
      ) : null}
      <p className="muted" data-testid="storage-usage">
        {usage
          ? t('settings:storage.usage', {
              usage: formatBytes(usage.usage, lang),
              quota: formatBytes(usage.quota, lang),
              percent: formatShare(usage.usage, usage.quota, lang),
            })
          : supported
            ? null
            : t('settings:storage.usageUnavailable')}
      </p>
    </section>
  );
}
