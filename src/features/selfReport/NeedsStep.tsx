import { useTranslation } from 'react-i18next';
import { valueOf } from '../../domain/checklist';
import { checklistGroups, itemsOfGroup } from '../../domain/needsCatalogue';
import { errorFor } from '../../domain/validation';
import { NeedItem } from './NeedItem';
import { withNeedNote, withNeedState } from './selfReportDraft';
import type { StepProps } from './stepProps';

/** Every item of the needs catalogue, grouped; the representative answers what they know. */
export function NeedsStep({ draft, errors, session }: StepProps) {
  const { t } = useTranslation(['selfReport', 'needs']);
  return (
    <>
      <p>{t('selfReport:needs.intro')}</p>
      {checklistGroups.map((group) => (
        <section key={group} className="sr-need-group" aria-labelledby={`sr-group-${group}`}>
          <h2 id={`sr-group-${group}`}>{t(`needs:groups.${group}`)}</h2>
          {group === 'readiness' ? <p>{t('selfReport:needs.readinessIntro')}</p> : null}
          {itemsOfGroup(group).map((item) => (
            <NeedItem
              key={item.id}
              item={item}
              value={valueOf(draft.needs, item.id)}
              offerResolved={valueOf(draft.view.needs, item.id).state === 'resolved'}
              stateError={errorFor(errors, `needs.${item.id}.state`)}
              noteError={errorFor(errors, `needs.${item.id}.note`)}
              onState={(state) =>
                session.edit((d) => ({
                  needs: withNeedState(d.view.needs, d.needs, item.id, state),
                }))
              }
              onNote={(note) =>
                session.edit((d) => ({ needs: withNeedNote(d.needs, item.id, note) }))
              }
            />
          ))}
        </section>
      ))}
    </>
  );
}
