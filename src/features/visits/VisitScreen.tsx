import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../domain/organisationStatus';
import { visitDraft } from '../../db/queries/visitContext';
import { useDeps } from '../../app/DepsContext';
import { VisitForm, type VisitFormNotice } from './VisitForm';
import { initialVisitForm, parseVisitDraft, type VisitFormState } from './visitFormState';

interface Props {
  organisationId: string | null;
  draftId: string | null;
}

/** Which form is on screen: its draft id, and whether it continues a stored draft. */
interface FormIdentity {
  draftId: string;
  restore: boolean;
  organisationId: string | null;
  /** Another draft id the same form writes to (when a stored draft could not be read). */
  alias: string | null;
}

/**
 * "Record a visit". Every new form gets its own draft id, so opening a new visit never
 * overwrites an older draft; `draftId` continues a stored one.
 */
export default function VisitScreen({ organisationId, draftId }: Props) {
  const { newId } = useDeps();
  const identify = (): FormIdentity =>
    draftId
      ? { draftId, restore: true, organisationId, alias: null }
      : { draftId: `visit:${newId()}`, restore: false, organisationId, alias: null };
  const [form, setForm] = useState(identify);
  const [route, setRoute] = useState({ organisationId, draftId });
  const onAlias = useCallback((alias: string) => setForm((f) => ({ ...f, alias })), []);
  if (route.organisationId !== organisationId || route.draftId !== draftId) {
    setRoute({ organisationId, draftId });
    // The form's own draft id showing up in the address is still the same form; a plain
    // "new visit" or another draft is another form.
    const sameForm = draftId !== null && (draftId === form.draftId || draftId === form.alias);
    if (!sameForm) setForm(identify());
  }
  return form.restore ? (
    <RestoredVisitForm key={form.draftId} draftId={form.draftId} onAlias={onAlias} />
  ) : (
    <NewVisitForm key={form.draftId} draftId={form.draftId} organisationId={form.organisationId} />
  );
}

function NewVisitForm({
  draftId,
  organisationId,
}: {
  draftId: string;
  organisationId: string | null;
}) {
  const { now } = useDeps();
  const [initial] = useState(() => initialVisitForm(organisationId, todayIso(now())));
  return <VisitForm draftId={draftId} initial={initial} notice={null} />;
}

interface Loaded {
  draftId: string;
  initial: VisitFormState;
  notice: VisitFormNotice;
}

function RestoredVisitForm({
  draftId,
  onAlias,
}: {
  draftId: string;
  onAlias: (alias: string) => void;
}) {
  const { t } = useTranslation();
  const deps = useDeps();
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let active = true;
    // Keep an unreadable draft untouched: this form then writes to a new one.
    const startOver = (): Loaded => {
      const alias = `visit:${deps.newId()}`;
      onAlias(alias);
      return {
        draftId: alias,
        initial: initialVisitForm(null, todayIso(deps.now())),
        notice: { key: 'visits:draftUnreadable' },
      };
    };
    visitDraft(deps.db, draftId).then(
      (draft) => {
        if (!active) return;
        if (!draft) {
          setLoaded({
            draftId,
            initial: initialVisitForm(null, todayIso(deps.now())),
            notice: { key: 'visits:draftNotFound' },
          });
          return;
        }
        const restored = parseVisitDraft(draft.data);
        setLoaded(
          restored
            ? {
                draftId,
                initial: restored,
                notice: { key: 'common:form.draftRestored', at: draft.updatedAt },
              }
            : startOver(),
        );
      },
      () => {
        if (!active) return;
        setLoaded(startOver());
      },
    );
    return () => {
      active = false;
    };
  }, [deps, draftId, onAlias]);

  if (!loaded) return <p className="loading">{t('loading')}</p>;
  return <VisitForm draftId={loaded.draftId} initial={loaded.initial} notice={loaded.notice} />;
}
