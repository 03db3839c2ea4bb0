import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeps } from '../../../app/DepsContext';
import { formattersFor } from '../../../app/ui/useFormatters';
import { eraseContact } from '../../../db/repositories/organisations';
import type { ContactPerson } from '../../../domain/contactPerson';
import { displayNamesFor } from '../displayNames';
import { ContactForm } from './ContactForm';

type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; contact: ContactPerson };
type Notice = 'saved' | 'erased' | null;

/** The organisation's contact persons: add, edit, and erase on request. */
export function ContactList({
  organisationId,
  contacts,
}: {
  organisationId: string;
  contacts: readonly ContactPerson[];
}) {
  const { t } = useTranslation(['organisations', 'common']);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [notice, setNotice] = useState<Notice>(null);
  const done = (saved: boolean) => {
    setEditing({ kind: 'none' });
    setNotice(saved ? 'saved' : null);
  };
  return (
    <section className="card" aria-labelledby="contacts-title" data-testid="profile-contacts">
      <div className="section-head">
        <h2 id="contacts-title">{t('organisations:contacts.title')}</h2>
        {editing.kind === 'none' ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              setNotice(null);
              setEditing({ kind: 'new' });
            }}
          >
            {t('organisations:contacts.add')}
          </button>
        ) : null}
      </div>
      <p role="status" className="saved-message">
        {notice ? t(`organisations:contacts.${notice}`) : ''}
      </p>
      {editing.kind === 'new' ? (
        <ContactForm organisationId={organisationId} contact={null} onDone={done} />
      ) : null}
      {contacts.length === 0 && editing.kind !== 'new' ? (
        <p className="muted">{t('organisations:contacts.empty')}</p>
      ) : null}
      <ul className="contact-list">
        {contacts.map((c) =>
          editing.kind === 'edit' && editing.contact.id === c.id ? (
            <li key={c.id}>
              <ContactForm organisationId={organisationId} contact={c} onDone={done} />
            </li>
          ) : (
            <ContactItem
              key={c.id}
              contact={c}
              canEdit={editing.kind === 'none'}
              onEdit={() => {
                setNotice(null);
                setEditing({ kind: 'edit', contact: c });
              }}
              onErased={() => setNotice('erased')}
            />
          ),
        )}
      </ul>
    </section>
  );
}

function ContactItem({
  contact,
  canEdit,
  onEdit,
  onErased,
}: {
  contact: ContactPerson;
  canEdit: boolean;
  onEdit: () => void;
  onErased: () => void;
}) {
  const { t, i18n } = useTranslation(['organisations', 'common']);
  const deps = useDeps();
  const fmt = formattersFor(i18n.language);
  const names = displayNamesFor(i18n.language);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { consent } = contact;
  const erase = async () => {
    try {
      await eraseContact(deps, contact);
      onErased();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <li className="list-item contact-item">
      <p className="contact-name" id={`contact-${contact.id}-name`}>
        <bdi>{contact.name}</bdi>
        {contact.role ? (
          <>
            {' · '}
            <span dir="auto">{contact.role}</span>
          </>
        ) : null}
      </p>
      {consent ? (
        <>
          <ul className="contact-details">
            {contact.phone ? (
              <li>
                {t('organisations:contacts.phone')}:{' '}
                <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">
                  {contact.phone}
                </a>
              </li>
            ) : null}
            {contact.email ? (
              <li>
                {t('organisations:contacts.email')}:{' '}
                <a href={`mailto:${contact.email}`} dir="ltr">
                  {contact.email}
                </a>
              </li>
            ) : null}
            {contact.languages.length > 0 ? (
              <li>
                {t('organisations:contacts.languages')}:{' '}
                {fmt.list(contact.languages.map(names.language))}
              </li>
            ) : null}
          </ul>
          <p className="muted">
            {t('organisations:contacts.consentOn', {
              date: fmt.date(consent.date),
              scopes: fmt.list(consent.scopes.map((s) => t(`organisations:consentScopes.${s}`))),
            })}
          </p>
        </>
      ) : (
        <p className="muted">{t('organisations:contacts.noConsent')}</p>
      )}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby={`erase-q-${contact.id}`}>
          <p id={`erase-q-${contact.id}`}>
            {t('organisations:contacts.eraseQuestion', { name: contact.name })}
          </p>
          <div className="form-row-actions">
            <button type="button" className="button danger" onClick={() => void erase()}>
              {t('organisations:contacts.eraseConfirm')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common:form.cancel')}
            </button>
          </div>
          {failure ? (
            <p className="field-error" role="alert">
              {t('organisations:contacts.eraseFailed', { message: failure })}
            </p>
          ) : null}
        </div>
      ) : canEdit ? (
        <div className="form-row-actions">
          <button
            type="button"
            className="button"
            aria-describedby={`contact-${contact.id}-name`}
            onClick={onEdit}
          >
            {t('common:form.edit')}
          </button>
          <button
            type="button"
            className="button danger"
            aria-describedby={`contact-${contact.id}-name`}
            onClick={() => setConfirming(true)}
          >
            {t('organisations:contacts.erase')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
