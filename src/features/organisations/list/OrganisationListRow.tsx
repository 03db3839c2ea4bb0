import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../../app/routes';
import type { Formatters } from '../../../app/ui/useFormatters';
import type { ReferenceData } from '../../../app/ui/useReferenceData';
import type { OrganisationRow } from '../filterOrganisations';

interface Props {
  row: OrganisationRow;
  fmt: Formatters;
  refData: ReferenceData;
}

/**
 * One organisation in the list, in a row of fixed height (the list is windowed): the name on
 * one line (cut with an ellipsis when too long; the profile shows it in full), status, district,
 * last visit and open needs below.
 */
export const OrganisationListRow = memo(function OrganisationListRow({ row, fmt, refData }: Props) {
  const { t } = useTranslation('organisations');
  const { org, lastVisit, openNeeds } = row;
  const tone = org.status === 'excluded' ? ' danger' : org.status === 'cooperating' ? ' ok' : '';
  return (
    <div className="list-item org-row">
      {/* The line takes the name's direction, so a long name is cut at its end in any UI language. */}
      <a href={hrefOf({ name: 'organisation', id: org.id })} className="org-link" dir="auto">
        <span>{org.name}</span>
        {org.originalName ? (
          <>
            {' '}
            <span className="muted" dir="auto">
              ({org.originalName})
            </span>
          </>
        ) : null}
      </a>
      <div className="org-meta">
        <span className="org-tags">
          <span className={`tag${tone}`}>{t(`status.${org.status}`)}</span>
          {org.district ? (
            <span className="tag">{refData.label('district', org.district)}</span>
          ) : null}
        </span>{' '}
        <span className="muted org-visit">
          {lastVisit ? t('list.lastVisit', { date: fmt.date(lastVisit) }) : t('list.neverVisited')}
          {openNeeds.length > 0 ? ` · ${t('list.openNeeds', { count: openNeeds.length })}` : null}
        </span>
      </div>
    </div>
  );
});
