import { useTranslation } from 'react-i18next';
import { formattersFor } from '../../../app/ui/useFormatters';
import type { Provenance, ProvenanceSection } from '../../../domain/organisation';
import { displayNamesFor } from '../displayNames';

interface Props {
  section: ProvenanceSection;
  provenance: Provenance | undefined;
  /** Say nothing when the provenance is unknown (instead of "not recorded yet"). */
  hideWhenNone?: boolean;
}

/** Where a section's facts came from and when: "Source: self-report, … 25 Nov 2026, in Arabic". */
export function ProvenanceLine({ section, provenance, hideWhenNone = false }: Props) {
  const { t, i18n } = useTranslation(['organisations']);
  if (!provenance && hideWhenNone) return null;
  const fmt = formattersFor(i18n.language);
  const names = displayNamesFor(i18n.language);
  const text = !provenance
    ? t('organisations:provenance.none')
    : t(
        provenance.language
          ? 'organisations:provenance.summaryWithLanguage'
          : 'organisations:provenance.summary',
        {
          source: t(`organisations:provenance.sources.${provenance.source}`),
          date: fmt.date(provenance.verifiedAt),
          language: provenance.language ? names.language(provenance.language) : '',
        },
      );
  return (
    <p
      className="provenance muted"
      data-testid={`provenance-${section}`}
      data-source={provenance?.source}
      data-language={provenance?.language ?? undefined}
    >
      {text}
    </p>
  );
}

/** The language of a section's free text when it came from a self-report (for `lang`). */
export function selfReportLanguage(provenance: Provenance | undefined): string | undefined {
  return provenance?.source === 'selfReport' && provenance.language
    ? provenance.language
    : undefined;
}
