import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { LocalInvitation } from '../../db/database';
import { invitationStatus, type InvitationStatus } from '../../domain/invitation';

interface Props {
  invitations: readonly LocalInvitation[];
  now: Date;
  shownId: string | null;
  busy: boolean;
  onShow: (id: string) => void;
  onRevoke: (invitation: LocalInvitation) => void;
}

const tagClass: Record<InvitationStatus, string> = {
  active: 'tag ok',
  expired: 'tag',
  revoked: 'tag danger',
};

/** Every invitation this device knows for the organisation, newest first, with its status. */
export function InvitationList({ invitations, now, shownId, busy, onShow, onRevoke }: Props) {
  const { t } = useTranslation(['review']);
  const fmt = useFormatters();
  if (invitations.length === 0) return <p className="muted">{t('review:invite.none')}</p>;
  return (
    <ul className="invite-list" aria-label={t('review:invite.listLabel')}>
      {invitations.map((inv) => {
        const status = invitationStatus(inv, now);
        const labelId = `invite-row-${inv.id}`;
        return (
          <li
            key={inv.id}
            className="invite-row"
            data-testid="invite-row"
            data-status={status}
            aria-labelledby={labelId}
          >
            <p id={labelId} className="invite-row-text">
              <span className={tagClass[status]}>{t(`review:invite.status.${status}`)}</span>{' '}
              {t('review:invite.createdAt', { date: fmt.dateTime(inv.createdAt) })}
              {' · '}
              {status === 'revoked' && inv.revokedAt
                ? t('review:invite.revokedAt', { date: fmt.dateTime(inv.revokedAt) })
                : t(status === 'expired' ? 'review:invite.expiredAt' : 'review:invite.expires', {
                    date: fmt.dateTime(inv.expiresAt),
                  })}
            </p>
            {/* The shown invitation has its own "revoke" button on its card. */}
            {status === 'active' && inv.id !== shownId ? (
              <div className="invite-row-actions">
                {inv.token ? (
                  <button
                    type="button"
                    className="button"
                    aria-describedby={labelId}
                    onClick={() => onShow(inv.id)}
                  >
                    {t('review:invite.show')}
                  </button>
                ) : (
                  <span className="muted">{t('review:invite.otherDevice')}</span>
                )}
                <button
                  type="button"
                  className="button"
                  aria-describedby={labelId}
                  disabled={busy}
                  data-testid="invite-row-revoke"
                  onClick={() => onRevoke(inv)}
                >
                  {t('review:invite.revoke')}
                </button>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
