import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../../domain/visit';
import type { FollowUpOrganisation } from '../../db/queries/followUps';
import { hrefOf } from '../../app/routes';
import { useFormatters } from '../../app/ui/useFormatters';
import { isolate } from './isolate';

interface Props {
  followUp: FollowUp;
  organisation: FollowUpOrganisation | undefined;
  overdue: boolean;
  busy: boolean;
  onToggle: (followUp: FollowUp, done: boolean) => void;
}

/** One follow-up: what, who, when, for which organisation, and the button to tick it off. */
export function FollowUpItem({ followUp: f, organisation, overdue, busy, onToggle }: Props) {
  const { t } = useTranslation(['followUps']);
  const fmt = useFormatters();
  const whatId = `follow-up-${f.id}-what`;
  return (
    <li
      className={`list-item follow-up-item${overdue ? ' is-overdue' : ''}`}
      data-testid="follow-up-item"
      data-overdue={overdue ? 'true' : undefined}
    >
      <div className="follow-up-body">
        <p className="follow-up-what" id={whatId} dir="auto">
          {f.what}
        </p>
        <p className="follow-up-meta">
          {overdue ? (
            <span className="tag danger" data-testid="follow-up-overdue">
              {t('followUps:overdue')}
            </span>
          ) : null}
          <span>
            {f.done && f.doneAt
              ? t('followUps:doneOn', { date: fmt.date(f.doneAt) })
              : t('followUps:due', { date: fmt.date(f.dueDate) })}
          </span>
          {f.who.trim() ? <span>{t('followUps:who', { who: isolate(f.who) })}</span> : null}
          <a href={hrefOf({ name: 'organisation', id: f.organisationId })}>
            {organisation ? <bdi>{organisation.name}</bdi> : t('followUps:unknownOrganisation')}
          </a>
        </p>
      </div>
      <button
        type="button"
        className={`button${f.done ? '' : ' primary'}`}
        aria-describedby={whatId}
        disabled={busy}
        data-testid={f.done ? 'follow-up-reopen' : 'follow-up-done'}
        onClick={() => onToggle(f, !f.done)}
      >
        {f.done ? t('followUps:reopen') : t('followUps:markDone')}
      </button>
    </li>
  );
}
