import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../app/DepsContext';
import { useFormatters } from '../../app/ui/useFormatters';
import { transferStatus } from '../../db/queries/deviceTransfer';
import { collectDeviceExport, exportFileName, recordExport } from '../../sync/deviceExport';
import type { DeviceExportProblem } from '../../sync/deviceExportFormat';
import { importDeviceExportText, type ImportSummary } from '../../sync/deviceImport';
import { downloadTextFile } from './downloadFile';

type ExportOutcome = { kind: 'done'; count: number; file: string } | { kind: 'failed' };
type ImportResult =
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; reason: DeviceExportProblem | 'unreadable' | 'failed' };

/**
 * The last line of defence when a tablet cannot sync: its unsent changes go into a file, and
 * another device imports that file and sends them on.
 */
export function DeviceTransferSection() {
  const { t } = useTranslation(['settings']);
  const deps = useDeps();
  const fmt = useFormatters();
  const status = useLiveQuery(() => transferStatus(deps.db), [deps.db]);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [exported, setExported] = useState<ExportOutcome | null>(null);
  const [imported, setImported] = useState<ImportResult | null>(null);

  async function exportChanges(): Promise<void> {
    setBusy('export');
    setExported(null);
    try {
      const file = await collectDeviceExport(deps);
      const name = exportFileName(deps.now());
      downloadTextFile(name, `${JSON.stringify(file, null, 2)}\n`);
      await recordExport(deps, file);
      setExported({
        kind: 'done',
        count: file.outbox.length + file.quarantine.length,
        file: name,
      });
    } catch {
      setExported({ kind: 'failed' });
    } finally {
      setBusy(null);
    }
  }

  async function importChanges(event: ChangeEvent<HTMLInputElement>): Promise<void> {
    const input = event.currentTarget;
    const chosen = input.files?.[0];
    if (!chosen) return;
    setBusy('import');
    setImported(null);
    try {
      let text: string;
      try {
        text = await chosen.text();
      } catch {
        setImported({ kind: 'failed', reason: 'unreadable' });
        return;
      }
      try {
        const outcome = await importDeviceExportText(deps, text);
        setImported(
          outcome.ok
            ? { kind: 'done', summary: outcome.summary }
            : { kind: 'failed', reason: outcome.problem },
        );
      } catch {
        setImported({ kind: 'failed', reason: 'failed' });
      }
    } finally {
      // The same file can be chosen again (importing twice changes nothing, and says so).
      input.value = '';
      setBusy(null);
    }
  }

  const last = status?.lastExport ?? null;
  return (
    <section className="card device-transfer" aria-labelledby="settings-transfer-title">
      <h2 id="settings-transfer-title">{t('settings:transfer.title')}</h2>
      <p>{t('settings:transfer.intro')}</p>
      {status ? (
        <p data-testid="device-pending-count">
          <span>{t('settings:transfer.pending', { count: status.pending })}</span>
          {status.quarantined > 0 ? (
            <span> {t('settings:transfer.quarantined', { count: status.quarantined })}</span>
          ) : null}
        </p>
      ) : null}
      <p className="muted" data-testid="device-last-export">
        {last
          ? t('settings:transfer.lastExport', {
              count: last.outboxCount + last.quarantineCount,
              date: fmt.dateTime(last.at),
            })
          : t('settings:transfer.neverExported')}
      </p>
      <button
        type="button"
        className="button primary"
        disabled={busy !== null}
        data-testid="device-export"
        onClick={() => void exportChanges()}
      >
        {busy === 'export' ? t('settings:transfer.exporting') : t('settings:transfer.export')}
      </button>
      <p
        role={exported?.kind === 'failed' ? 'alert' : 'status'}
        className={exported?.kind === 'failed' ? 'field-error' : 'saved-message'}
        data-testid="device-export-result"
      >
        {exported?.kind === 'done'
          ? t('settings:transfer.exported', { count: exported.count, file: exported.file })
          : exported?.kind === 'failed'
            ? t('settings:transfer.exportFailed')
            : null}
      </p>

      <div className="device-import">
        {/* A label styled as a button opens the file picker, so its text is ours, not the browser's. */}
        <label className={`button file-button${busy !== null ? ' is-disabled' : ''}`}>
          <input
            type="file"
            className="visually-hidden"
            accept=".json,application/json"
            aria-describedby="device-import-hint"
            disabled={busy !== null}
            data-testid="device-import-file"
            onChange={(e) => void importChanges(e)}
          />
          {busy === 'import' ? t('settings:transfer.importing') : t('settings:transfer.import')}
        </label>
        <p className="field-hint" id="device-import-hint">
          {t('settings:transfer.importHint')}
        </p>
      </div>
      <div
        role={imported?.kind === 'failed' ? 'alert' : 'status'}
        className={`transfer-result ${imported?.kind === 'failed' ? 'field-error' : 'saved-message'}`}
        data-testid="device-import-result"
      >
        {imported?.kind === 'failed' ? (
          <p>{t(`settings:transfer.errors.${imported.reason}`)}</p>
        ) : null}
        {imported?.kind === 'done' ? (
          <>
            <p>
              {imported.summary.alreadyPresent === 0
                ? t('settings:transfer.importSummaryNew', {
                    imported: t('settings:transfer.imported', { count: imported.summary.imported }),
                  })
                : t('settings:transfer.importSummary', {
                    imported: t('settings:transfer.imported', { count: imported.summary.imported }),
                    existing: t('settings:transfer.alreadyPresent', {
                      count: imported.summary.alreadyPresent,
                    }),
                  })}
            </p>
            {imported.summary.imported > 0 ? <p>{t('settings:transfer.importSent')}</p> : null}
            {imported.summary.recordsSkipped > 0 ? (
              <p>
                {t('settings:transfer.recordsSkipped', { count: imported.summary.recordsSkipped })}
              </p>
            ) : null}
          </>
        ) : null}
      </div>
    </section>
  );
}
