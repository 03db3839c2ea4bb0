import { useTranslation } from 'react-i18next';
import { errorFor, type FieldError } from '../../domain/validation';
import { referralOutcomes } from '../../domain/visit';
import { SelectField } from '../../app/ui/SelectField';
import { TextField } from '../../app/ui/TextField';
import { useReferenceData } from '../../app/ui/useReferenceData';
import type { ReferralRow } from './visitFormState';

interface Props {
  rows: readonly ReferralRow[];
  onAdd: () => void;
  onChange: (key: string, patch: Partial<Omit<ReferralRow, 'key'>>) => void;
  onRemove: (key: string) => void;
  errors: readonly FieldError[];
  /** Field ids are `${idPrefix}referrals-<index>-<field>`, matching `referrals.<index>.<field>`. */
  idPrefix: string;
}

const isOutcome = (v: string): v is ReferralRow['outcome'] =>
  (referralOutcomes as readonly string[]).includes(v);

/** Referral counselling (Verweisberatung): where the organisation was sent with which request. */
export function ReferralsEditor({ rows, onAdd, onChange, onRemove, errors, idPrefix }: Props) {
  const { t } = useTranslation(['visits', 'common']);
  const ref = useReferenceData();
  const targets = ref.options('referralTarget');

  return (
    <div className="rows-editor">
      {rows.length === 0 ? <p className="muted">{t('visits:referrals.empty')}</p> : null}
      {rows.map((row, i) => {
        const id = (field: string): string => `${idPrefix}referrals-${i}-${field}`;
        const err = (field: string): string | undefined =>
          errorFor(errors, `referrals.${i}.${field}`);
        const n = i + 1;
        // A target archived since the draft was typed still shows its name.
        const options =
          row.targetId && !targets.some((o) => o.value === row.targetId)
            ? [
                ...targets,
                { value: row.targetId, label: ref.label('referralTarget', row.targetId) },
              ]
            : targets;
        return (
          <fieldset key={row.key} className="row-card" data-testid="referral-row">
            <legend>{t('visits:referrals.row', { n })}</legend>
            <div className="grid-2">
              <SelectField
                id={id('targetId')}
                label={t('visits:referrals.target')}
                value={row.targetId}
                emptyLabel=""
                required
                options={options}
                error={err('targetId')}
                onChange={(targetId) => onChange(row.key, { targetId })}
              />
              <SelectField
                id={id('outcome')}
                label={t('visits:referrals.outcome')}
                value={row.outcome}
                options={referralOutcomes.map((o) => ({
                  value: o,
                  label: t(`visits:referrals.outcomes.${o}`),
                }))}
                error={err('outcome')}
                onChange={(v) => {
                  if (isOutcome(v)) onChange(row.key, { outcome: v });
                }}
              />
            </div>
            <TextField
              id={id('note')}
              label={t('visits:referrals.note')}
              hint={t('visits:referrals.noteHint')}
              value={row.note}
              error={err('note')}
              onChange={(note) => onChange(row.key, { note })}
            />
            <button type="button" className="button danger" onClick={() => onRemove(row.key)}>
              {t('visits:referrals.remove', { n })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" data-testid="add-referral" onClick={onAdd}>
        {t('visits:referrals.add')}
      </button>
    </div>
  );
}
