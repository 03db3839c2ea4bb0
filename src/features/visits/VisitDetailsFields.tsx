import { useTranslation } from 'react-i18next';
import { errorFor, type FieldError } from '../../domain/validation';
import { visitPlaces, visitPurposes } from '../../domain/visit';
import { ChoiceField } from '../../app/ui/ChoiceField';
import { SelectField } from '../../app/ui/SelectField';
import { TextField } from '../../app/ui/TextField';
import {
  commonVisitLanguages,
  OTHER_LANGUAGE,
  type VisitFormAction,
  type VisitFormState,
} from './visitFormState';

interface Props {
  state: VisitFormState;
  update: (action: VisitFormAction) => void;
  errors: readonly FieldError[];
  /** Field ids are `${idPrefix}visit-<field>`, matching the error paths `visit.<field>`. */
  idPrefix: string;
}

const isPlace = (v: string): v is (typeof visitPlaces)[number] =>
  (visitPlaces as readonly string[]).includes(v);
const isPurpose = (v: string): v is (typeof visitPurposes)[number] =>
  (visitPurposes as readonly string[]).includes(v);

/** When, where, with whom, why and in which language. */
export function VisitDetailsFields({ state, update, errors, idPrefix }: Props) {
  const { t } = useTranslation(['visits', 'common']);
  const id = (field: string): string => `${idPrefix}visit-${field}`;
  const err = (field: string): string | undefined => errorFor(errors, `visit.${field}`);
  const text = (field: Extract<VisitFormAction, { type: 'text' }>['field'], value: string) =>
    update({ type: 'text', field, value });
  const other = state.languageChoice === OTHER_LANGUAGE;

  return (
    <>
      <div className="grid-2">
        <TextField
          id={id('date')}
          type="date"
          label={t('visits:fields.date')}
          value={state.date}
          required
          userText={false}
          error={err('date')}
          onChange={(v) => text('date', v)}
        />
        <TextField
          id={id('participants')}
          label={t('visits:fields.participants')}
          hint={t('visits:fields.participantsHint')}
          value={state.participants}
          error={err('participants')}
          onChange={(v) => text('participants', v)}
        />
      </div>
      <ChoiceField
        id={id('place')}
        legend={t('visits:fields.place')}
        options={visitPlaces.map((p) => ({ value: p, label: t(`visits:places.${p}`) }))}
        value={state.place}
        error={err('place')}
        onChange={(v) => update({ type: 'place', value: isPlace(v) ? v : '' })}
      />
      <TextField
        id={id('placeNote')}
        label={t('visits:fields.placeNote')}
        hint={t('visits:fields.placeNoteHint')}
        value={state.placeNote}
        error={err('placeNote')}
        onChange={(v) => text('placeNote', v)}
      />
      <ChoiceField
        id={id('purpose')}
        legend={t('visits:fields.purpose')}
        options={visitPurposes.map((p) => ({ value: p, label: t(`visits:purposes.${p}`) }))}
        value={state.purpose}
        error={err('purpose')}
        onChange={(v) => update({ type: 'purpose', value: isPurpose(v) ? v : '' })}
      />
      <div className="grid-2">
        <SelectField
          // The error summary links to whichever field holds the language.
          id={other ? id('languageChoice') : id('language')}
          label={t('visits:fields.language')}
          value={state.languageChoice}
          options={[...commonVisitLanguages, OTHER_LANGUAGE].map((l) => ({
            value: l,
            label: t(`visits:languages.${l}`),
          }))}
          error={other ? undefined : err('language')}
          onChange={(v) => text('languageChoice', v)}
        />
        {other ? (
          <TextField
            id={id('language')}
            label={t('visits:fields.languageOther')}
            hint={t('visits:fields.languageOtherHint')}
            value={state.languageOther}
            userText={false}
            autoComplete="off"
            error={err('language')}
            onChange={(v) => text('languageOther', v)}
          />
        ) : null}
      </div>
      <div className="field">
        <label className="choice interpreter-choice">
          <input
            id={id('interpreter')}
            type="checkbox"
            checked={state.interpreter}
            onChange={(e) => update({ type: 'interpreter', value: e.target.checked })}
          />
          <span>{t('visits:fields.interpreter')}</span>
        </label>
      </div>
    </>
  );
}
