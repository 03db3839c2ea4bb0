import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { OpenSelfReportDraft } from '../../db/repositories/selfReportDrafts';
import { needsCatalogue } from '../../domain/needsCatalogue';
import { selfReportFieldKeys, type SelfReportFieldKey } from '../../domain/selfReport';
import { changesOf } from './selfReportDraft';
import { stepOfPath } from './steps';
import type { SelfReportSession } from './session';

interface Props {
  draft: OpenSelfReportDraft;
  session: SelfReportSession;
}

/** A short list of what the representative changed, each with a way back to its screen. */
export function ChangeSummary({ draft, session }: Props) {
  const { t } = useTranslation(['selfReport', 'needs']);
  const fmt = useFormatters();
  const changes = changesOf(draft);
  const answerKeys = selfReportFieldKeys.filter((k) => changes.answers[k] !== undefined);
  const needIds = needsCatalogue.map((i) => i.id).filter((id) => changes.needs[id]);

  if (answerKeys.length === 0 && needIds.length === 0)
    return <p className="sr-notice">{t('selfReport:check.nothingChanged')}</p>;

  function shown(key: SelfReportFieldKey): ReactNode {
    const empty = <span className="muted">{t('selfReport:check.empty')}</span>;
    const value = changes.answers[key];
    if (value === undefined || value === null || value === '') {
      return key === 'ownRooms' && value === null ? t('selfReport:ownRooms.unknown') : empty;
    }
    if (typeof value === 'number')
      return key === 'foundingYear' ? String(value) : fmt.number(value);
    if (typeof value === 'boolean') return t(`selfReport:ownRooms.${value ? 'yes' : 'no'}`);
    if (Array.isArray(value)) {
      return value.length ? fmt.list(value.map((g) => t(`selfReport:ageGroups.${g}`))) : empty;
    }
    return <bdi dir="auto">{value}</bdi>;
  }

  const changeButton = (path: string, what: string) => (
    <button
      type="button"
      className="button sr-change"
      onClick={() => session.goTo(stepOfPath(path))}
    >
      {t('selfReport:check.change')}
      <span className="visually-hidden"> {what}</span>
    </button>
  );

  return (
    <>
      <p>{t('selfReport:check.intro')}</p>
      {answerKeys.length > 0 ? (
        <>
          <h2>{t('selfReport:check.answers')}</h2>
          <dl className="sr-summary">
            {answerKeys.map((key) => (
              <div key={key} className="sr-summary-row" data-testid={`sr-changed-${key}`}>
                <dt>{t(`selfReport:fields.${key}.short`)}</dt>
                <dd>
                  <span className="sr-summary-value">{shown(key)}</span>
                  {changeButton(key, t(`selfReport:fields.${key}.short`))}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
      {needIds.length > 0 ? (
        <>
          <h2>{t('selfReport:check.needs')}</h2>
          <dl className="sr-summary">
            {needIds.map((id) => {
              const value = changes.needs[id];
              if (!value) return null;
              const item = needsCatalogue.find((i) => i.id === id);
              const stateKey = item?.group === 'readiness' ? 'readinessStates' : 'states';
              const label = t(`needs:items.${id}.label`);
              return (
                <div key={id} className="sr-summary-row" data-testid={`sr-changed-need-${id}`}>
                  <dt>{label}</dt>
                  <dd>
                    <span className="sr-summary-value">
                      {t(`selfReport:needs.${stateKey}.${value.state}`)}
                      {value.note.trim() ? (
                        <>
                          {' · '}
                          <Trans
                            t={t}
                            i18nKey="selfReport:check.noteValue"
                            values={{ note: value.note.trim() }}
                            components={{ note: <bdi dir="auto" /> }}
                          />
                        </>
                      ) : null}
                    </span>
                    {changeButton('needs', label)}
                  </dd>
                </div>
              );
            })}
          </dl>
        </>
      ) : null}
    </>
  );
}
