import { useTranslation } from 'react-i18next';
import { errorFor, type FieldError } from '../../domain/validation';
import { TextField } from '../../app/ui/TextField';
import type { FollowUpRow } from './visitFormState';

interface Props {
  rows: readonly FollowUpRow[];
  onAdd: () => void;
  onChange: (key: string, patch: Partial<Omit<FollowUpRow, 'key'>>) => void;
  onRemove: (key: string) => void;
  errors: readonly FieldError[];
  /** Field ids are `${idPrefix}followUps-<index>-<field>`, matching `followUps.<index>.<field>`. */
  idPrefix: string;
}

/** What was agreed during the visit: what, who, by when. */
export function FollowUpsEditor({ rows, onAdd, onChange, onRemove, errors, idPrefix }: Props) {
  const { t } = useTranslation(['visits', 'common']);
  return (
    <div className="rows-editor">
      {rows.length === 0 ? <p className="muted">{t('visits:followUps.empty')}</p> : null}
      {rows.map((row, i) => {
        const id = (field: string): string => `${idPrefix}followUps-${i}-${field}`;
        const err = (field: string): string | undefined =>
          errorFor(errors, `followUps.${i}.${field}`);
        const n = i + 1;
        return (
          <fieldset key={row.key} className="row-card" data-testid="follow-up-row">
            <legend>{t('visits:followUps.row', { n })}</legend>
            <TextField
              id={id('what')}
              label={t('visits:followUps.what')}
              value={row.what}
              required
              error={err('what')}
              onChange={(what) => onChange(row.key, { what })}
            />
            <div className="grid-2">
              <TextField
                id={id('who')}
                label={t('visits:followUps.who')}
                hint={t('visits:followUps.whoHint')}
                value={row.who}
                error={err('who')}
                onChange={(who) => onChange(row.key, { who })}
              />
              <TextField
                id={id('dueDate')}
                type="date"
                label={t('visits:followUps.dueDate')}
                value={row.dueDate}
                required
                userText={false}
                error={err('dueDate')}
                onChange={(dueDate) => onChange(row.key, { dueDate })}
              />
            </div>
            <button type="button" className="button danger" onClick={() => onRemove(row.key)}>
              {t('visits:followUps.remove', { n })}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button" data-testid="add-follow-up" onClick={onAdd}>
        {t('visits:followUps.add')}
      </button>
    </div>
  );
}
