import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattersFor } from '../../../app/ui/useFormatters';
import { useReferenceData } from '../../../app/ui/useReferenceData';
import {
  profileSections,
  type Organisation,
  type ProfileSection,
  presentEntries,
} from '../../../domain/organisation';
import { displayNamesFor } from '../displayNames';
import { DetailList, type DetailRow } from './DetailList';
import { ProvenanceLine, selfReportLanguage } from './ProvenanceLine';

function yesNo(t: (key: string) => string, value: boolean | null): string {
  return value === null
    ? t('common:form.unknown')
    : value
      ? t('common:form.yes')
      : t('common:form.no');
}

/** Every profile dimension, read-only, grouped by section with where it came from. */
export function ProfileSections({ org }: { org: Organisation }) {
  const { t, i18n } = useTranslation(['organisations', 'common']);
  const fmt = formattersFor(i18n.language);
  const ref = useReferenceData();
  const names = displayNamesFor(i18n.language);
  const euro = useMemo(
    () => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }),
    [i18n.language],
  );
  const o = (key: string) => t(`organisations:${key}`);
  const count = (n: number | null) => (n === null ? null : fmt.number(n));
  const list = (items: readonly string[]) => (items.length ? fmt.list(items) : null);
  const m = org.members;
  const p = org.professionalisation;
  // Free text a self-report brought in is tagged with the language it was written in.
  const namesLang = selfReportLanguage(org.provenance.names);
  const activitiesLang = selfReportLanguage(org.provenance.activities);

  const rows: Record<ProfileSection, DetailRow[]> = {
    names: [
      { label: o('fields.name'), value: org.name, userText: true, lang: namesLang },
      {
        label: o('fields.originalName'),
        value: org.originalName,
        userText: true,
        lang: namesLang,
      },
      { label: o('fields.shortName'), value: org.shortName, userText: true },
    ],
    form: [
      { label: o('fields.legalForm'), value: o(`legalForms.${org.legalForm}`) },
      { label: o('fields.registerNumber'), value: org.registerNumber, userText: true },
    ],
    activities: [
      { label: o('fields.goals'), value: org.goals, userText: true, lang: activitiesLang },
      {
        label: o('fields.fieldsOfActivity'),
        value: list(org.fieldsOfActivity.map((c) => ref.label('fieldOfActivity', c))),
      },
    ],
    members: [
      { label: o('fields.memberCount'), value: count(m.memberCount) },
      { label: o('fields.activeVolunteers'), value: count(m.activeVolunteers) },
      { label: o('fields.peopleReached'), value: count(m.peopleReached) },
      {
        label: o('fields.shareBornInGermanyPercent'),
        value:
          m.shareBornInGermanyPercent === null
            ? null
            : t('organisations:profile.percent', {
                value: fmt.number(m.shareBornInGermanyPercent),
              }),
      },
      { label: o('fields.ageGroups'), value: list(m.ageGroups.map((a) => o(`ageGroups.${a}`))) },
      {
        label: o('fields.arrivalPeriods'),
        value: list(m.arrivalPeriods.map((a) => o(`arrivalPeriods.${a}`))),
      },
      { label: o('fields.languages'), value: list(m.languages.map(names.language)) },
      { label: o('fields.originCountries'), value: list(m.originCountries.map(names.region)) },
    ],
    professionalisation: [
      { label: o('fields.paidStaff'), value: count(p.paidStaff) },
      { label: o('fields.umbrellaKind'), value: o(`umbrellaKinds.${p.umbrellaKind}`) },
      { label: o('fields.umbrellaName'), value: p.umbrellaName, userText: true },
      {
        label: o('fields.welfareAssociation'),
        value: ref.label('welfareAssociation', p.welfareAssociation),
      },
      { label: o('fields.boardGermanSkills'), value: o(`skillLevels.${p.boardGermanSkills}`) },
      {
        label: o('fields.boardSystemKnowledge'),
        value: o(`skillLevels.${p.boardSystemKnowledge}`),
      },
    ],
    abroad: [{ label: o('fields.relationsAbroad'), value: org.relationsAbroad, userText: true }],
    establishment: [
      { label: o('fields.district'), value: ref.label('district', org.district) },
      { label: o('fields.foundingYear'), value: org.foundingYear },
      { label: o('fields.ownRooms'), value: yesNo(t, org.ownRooms) },
      { label: o('fields.lendsRooms'), value: yesNo(t, org.lendsRooms) },
    ],
    networks: [
      {
        label: o('fields.networks'),
        value: list(org.networks.map((c) => ref.label('network', c))),
      },
    ],
    cooperations: presentEntries(org.cooperations).map(([key, c]) => ({
      label: key,
      value: (
        <>
          <bdi>{c.institution}</bdi>
          {c.educationProvider ? (
            <span className="tag">{o('fields.educationProvider')}</span>
          ) : null}
          {c.note ? (
            <span className="muted" dir="auto">
              {' '}
              {c.note}
            </span>
          ) : null}
        </>
      ),
    })),
    funding: presentEntries(org.funding).map(([key, f]) => ({
      label: key,
      value: (
        <>
          <bdi>{f.programme}</bdi> <span className="tag">{o(`fundingStatuses.${f.status}`)}</span>
          {f.year !== null ? <span> {f.year}</span> : null}
          {f.amountEur !== null ? <span> · {euro.format(f.amountEur)}</span> : null}
        </>
      ),
    })),
    status: [
      { label: o('fields.status'), value: o(`status.${org.status}`) },
      { label: o('fields.statusReason'), value: org.statusReason, userText: true },
      {
        label: o('fields.statusChangedAt'),
        value: org.statusChangedAt ? fmt.date(org.statusChangedAt) : null,
      },
    ],
  };

  return (
    <div className="profile-sections">
      {profileSections.map((section) => {
        const provenance = org.provenance[section];
        const sectionRows = rows[section];
        const isMap = section === 'cooperations' || section === 'funding';
        return (
          <section
            key={section}
            className="card profile-section"
            aria-labelledby={`profile-section-${section}`}
          >
            <h2 id={`profile-section-${section}`}>{o(`sections.${section}`)}</h2>
            {isMap ? (
              sectionRows.length === 0 ? (
                <p className="muted">{o(`profile.empty.${section}`)}</p>
              ) : (
                <ul className="map-list">
                  {sectionRows.map((r) => (
                    <li key={r.label}>{r.value}</li>
                  ))}
                </ul>
              )
            ) : (
              <DetailList rows={sectionRows} notRecorded={o('profile.notRecorded')} />
            )}
            <ProvenanceLine section={section} provenance={provenance} />
          </section>
        );
      })}
    </div>
  );
}
