import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { referenceKinds } from '../../domain/referenceData';
import { referenceEntries } from '../../db/queries/referenceData';
import { useDeps } from '../../app/DepsContext';
import { ReferenceKindSection } from './ReferenceKindSection';

/** The editable selection lists, one collapsible section per kind. */
export function ReferenceDataEditor() {
  const { t } = useTranslation(['settings']);
  const { db } = useDeps();
  const entries = useLiveQuery(() => referenceEntries(db), [db]);
  return (
    <section
      className="card"
      aria-labelledby="settings-reference-title"
      data-testid="reference-editor"
    >
      <h2 id="settings-reference-title">{t('settings:reference.title')}</h2>
      <p>{t('settings:reference.intro')}</p>
      {entries
        ? referenceKinds.map((kind) => (
            <ReferenceKindSection
              key={kind}
              kind={kind}
              entries={entries.filter((e) => e.kind === kind)}
            />
          ))
        : null}
    </section>
  );
}
