import { presentEntries } from '../../../domain/organisation';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../app/ui/TextField';
import type { Organisation } from '../../../domain/organisation';
import { orgFieldId } from '../organisationForm';
import type { OrgFormApi } from './formApi';
import { FormSection } from './FormSection';

type Cooperation = NonNullable<Organisation['cooperations'][string]>;

export function CooperationsSection({ api }: { api: OrgFormApi }) {
  const { t } = useTranslation('organisations');
  const entries = presentEntries(api.fields.cooperations);
  const set = (update: (map: Organisation['cooperations']) => Organisation['cooperations']) =>
    api.change((f) => ({
      ...f,
      fields: { ...f.fields, cooperations: update(f.fields.cooperations) },
    }));
  const patch = (key: string, value: Partial<Cooperation>) =>
    set((map) => {
      const prev = map[key];
      return prev ? { ...map, [key]: { ...prev, ...value } } : map;
    });
  const add = () => {
    const key = api.newId();
    set((map) => ({ ...map, [key]: { institution: '', educationProvider: false, note: '' } }));
  };
  const remove = (key: string) =>
    set((map) => Object.fromEntries(Object.entries(map).filter(([k]) => k !== key)));
  return (
    <FormSection section="cooperations" api={api}>
      {entries.length === 0 ? <p className="muted">{t('edit.noCooperations')}</p> : null}
      {entries.map(([key, c], i) => {
        const path = `cooperations.${key}`;
        return (
          <fieldset key={key} className="map-row" id={orgFieldId(path)}>
            <legend>{t('edit.cooperationN', { n: i + 1 })}</legend>
            <div className="grid-2">
              <TextField
                id={orgFieldId(`${path}.institution`)}
                label={t('fields.institution')}
                required
                value={c.institution}
                error={api.error(`${path}.institution`)}
                onChange={(v) => patch(key, { institution: v })}
              />
              <TextField
                id={orgFieldId(`${path}.note`)}
                label={t('fields.cooperationNote')}
                value={c.note}
                error={api.error(`${path}.note`)}
                onChange={(v) => patch(key, { note: v })}
              />
            </div>
            <div className="map-row-actions">
              <label className="choice">
                <input
                  type="checkbox"
                  id={orgFieldId(`${path}.educationProvider`)}
                  checked={c.educationProvider}
                  onChange={(e) => patch(key, { educationProvider: e.target.checked })}
                />
                <span>{t('fields.educationProvider')}</span>
              </label>
              <button type="button" className="button danger" onClick={() => remove(key)}>
                {t('edit.removeCooperation', { n: i + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" className="button" onClick={add}>
        {t('edit.addCooperation')}
      </button>
    </FormSection>
  );
}
