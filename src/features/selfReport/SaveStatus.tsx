import { useTranslation } from 'react-i18next';
import type { SaveState } from './session';

/**
 * "Saved on this phone" (`sr-saved`), filled only once the draft is committed, so it never
 * claims too early; "saving …" beside it while a change waits to be written. A failure is
 * announced.
 */
export function SaveStatus({ save }: { save: SaveState }) {
  const { t } = useTranslation(['selfReport']);
  if (save === 'failed') {
    return (
      <p className="sr-saved field-error" role="alert" data-testid="sr-saved" data-state={save}>
        {t('selfReport:saved.failed')}
      </p>
    );
  }
  return (
    <p className="sr-saved muted">
      <span data-testid="sr-saved" data-state={save}>
        {save === 'saved' ? (
          <>
            <span aria-hidden="true">✓ </span>
            {t('selfReport:saved.saved')}
          </>
        ) : null}
      </span>
      {save === 'saving' ? t('selfReport:saved.saving') : null}
    </p>
  );
}
