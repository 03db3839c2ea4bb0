import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../app/ui/useFormatters';
import type { LocalInvitation } from '../../db/database';
import { copyText } from './clipboard';
import { inviteLink } from './inviteLink';
import { useQrCode } from './useQrCode';

interface Props {
  invitation: LocalInvitation;
  organisationName: string;
  busy: boolean;
  onRevoke: (invitation: LocalInvitation) => void;
}

/** The link of one active invitation: as text to copy, as a QR code to scan, and how long it lasts. */
export function InvitationLinkCard({ invitation, organisationName, busy, onRevoke }: Props) {
  const { t } = useTranslation(['review']);
  const fmt = useFormatters();
  const link = inviteLink(window.location, invitation.token);
  const qr = useQrCode(link);
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const inputId = `invite-link-${invitation.id}`;
  const copyStatusId = `${inputId}-status`;

  async function copy(): Promise<void> {
    const ok = await copyText(link);
    setCopied(ok ? 'copied' : 'failed');
    if (!ok) {
      const input = document.getElementById(inputId);
      if (input instanceof HTMLInputElement) input.select();
    }
  }

  return (
    <div className="invite-card" data-testid="invite-card">
      <div className="invite-qr-box">
        {qr.kind === 'ready' ? (
          <img
            data-testid="invite-qr"
            className="invite-qr"
            src={qr.src}
            width={240}
            height={240}
            alt={t('review:invite.qrAlt', { name: organisationName })}
          />
        ) : (
          <p className="muted" role={qr.kind === 'failed' ? 'alert' : undefined}>
            {qr.kind === 'failed' ? t('review:invite.qrFailed') : t('review:invite.qrLoading')}
          </p>
        )}
      </div>
      <div className="invite-details">
        <div className="field">
          <label htmlFor={inputId}>{t('review:invite.link')}</label>
          <div className="invite-link-row">
            <input
              id={inputId}
              data-testid="invite-link"
              type="text"
              readOnly
              dir="ltr"
              value={link}
              aria-describedby={copyStatusId}
              onFocus={(e) => e.currentTarget.select()}
            />
            <button
              type="button"
              className="button"
              data-testid="invite-copy"
              onClick={() => void copy()}
            >
              {t('review:invite.copy')}
            </button>
          </div>
          <p id={copyStatusId} className="field-hint" aria-live="polite">
            {copied === 'copied'
              ? t('review:invite.copied')
              : copied === 'failed'
                ? t('review:invite.copyFailed')
                : ''}
          </p>
        </div>
        <p data-testid="invite-expires">
          {t('review:invite.expires', { date: fmt.dateTime(invitation.expiresAt) })}
        </p>
        <p className="muted">{t('review:invite.handOver')}</p>
        <button
          type="button"
          className="button danger"
          data-testid="invite-revoke"
          disabled={busy}
          onClick={() => onRevoke(invitation)}
        >
          {t('review:invite.revoke')}
        </button>
      </div>
    </div>
  );
}
