import { useTranslation } from 'react-i18next';
import { hrefOf } from '../../app/routes';
import { useNow } from '../../app/status/useNow';
import type { Organisation } from '../../domain/organisation';
import { InvitationLinkCard } from './InvitationLinkCard';
import { InvitationList } from './InvitationList';
import { invitationStatus } from '../../domain/invitation';
import { useInvitationActions, type InvitationNotice } from './useInvitationActions';
import './invitations.css';

const isError = (n: InvitationNotice): boolean => n.kind !== 'created' && n.kind !== 'revoked';

/**
 * "Invite the organisation to report itself": creates an invitation link on the server, shows it
 * as text and QR code, and lists the organisation's invitations with their status.
 */
export function InvitationPanel({ org }: { org: Organisation }) {
  const { t } = useTranslation(['review']);
  const now = useNow();
  const actions = useInvitationActions(org.id);
  const invitations = actions.invitations ?? [];
  // The chosen invitation, else the newest one whose link this device can show.
  const usable = invitations.filter((i) => i.token !== '' && invitationStatus(i, now) === 'active');
  const shown = usable.find((i) => i.id === actions.shownId) ?? usable[0];
  const notice = actions.notice;

  const noticeText = (n: InvitationNotice): string => {
    switch (n.kind) {
      case 'unexpected':
        return t('review:invite.errors.unexpected', { status: n.status });
      default:
        return t(`review:invite.notices.${n.kind}`);
    }
  };

  return (
    <section className="card invitation-panel" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('review:invite.title')}</h2>
      <p className="muted">{t('review:invite.intro')}</p>
      <div className="invite-actions">
        <button
          type="button"
          className="button primary"
          data-testid="invite-create"
          disabled={actions.busy}
          aria-describedby="invite-notice"
          onClick={() => void actions.create()}
        >
          {t('review:invite.create')}
        </button>
        {!actions.online ? (
          <span className="muted">{t('review:invite.needsConnection')}</span>
        ) : !actions.loggedIn ? (
          <a href={hrefOf({ name: 'login' })}>{t('review:invite.logIn')}</a>
        ) : null}
      </div>
      <div id="invite-notice" aria-live="polite" data-testid="invite-notice">
        {notice ? (
          <p className={isError(notice) ? 'invite-error' : 'invite-ok'}>
            {noticeText(notice)}{' '}
            {notice.kind === 'organisationNotFound' ? (
              <a href={hrefOf({ name: 'sync' })}>{t('review:invite.openSync')}</a>
            ) : notice.kind === 'loggedOut' || notice.kind === 'unauthenticated' ? (
              <a href={hrefOf({ name: 'login' })}>{t('review:invite.logIn')}</a>
            ) : null}
          </p>
        ) : null}
      </div>
      {shown ? (
        <InvitationLinkCard
          invitation={shown}
          organisationName={org.name}
          busy={actions.busy}
          onRevoke={(i) => void actions.revoke(i)}
        />
      ) : null}
      <h3>{t('review:invite.listTitle')}</h3>
      <InvitationList
        invitations={invitations}
        now={now}
        shownId={shown?.id ?? null}
        busy={actions.busy}
        onShow={actions.show}
        onRevoke={(i) => void actions.revoke(i)}
      />
    </section>
  );
}
