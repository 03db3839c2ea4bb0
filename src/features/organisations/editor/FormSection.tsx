import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSection } from '../../../domain/organisation';
import type { OrgFormApi } from './formApi';
import { VerifiedControl } from './VerifiedControl';

/** One profile section of the editor, with its own "verified today" control. */
export function FormSection({
  section,
  api,
  children,
}: {
  section: ProfileSection;
  api: OrgFormApi;
  children: ReactNode;
}) {
  const { t } = useTranslation('organisations');
  const headingId = `org-section-${section}`;
  return (
    <section className="card form-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(`sections.${section}`)}</h2>
      {children}
      <VerifiedControl section={section} api={api} />
    </section>
  );
}
