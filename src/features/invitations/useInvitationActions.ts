import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import { useDeps } from '../../app/DepsContext';
import { useOnline } from '../../app/status/useOnline';
import type { LocalInvitation } from '../../db/database';
import { sessionUser } from '../../db/queries/account';
import { invitationsOf } from '../../db/queries/invitations';
import { forgetSessionUser } from '../../db/repositories/account';
import {
  markInvitationRevoked,
  mergeServerInvitations,
  saveCreatedInvitation,
} from '../../db/repositories/invitations';
import type { InvitationFailure } from './invitationApi';
import { useInvitationApi } from './InvitationApiContext';

/** What the panel tells the coordinator after an action (translated by the panel). */
export type InvitationNotice =
  | { kind: 'created' }
  | { kind: 'revoked' }
  | { kind: 'offline' }
  | { kind: 'loggedOut' }
  /** Saving on this device failed (storage full or blocked). */
  | { kind: 'storage' }
  | InvitationFailure;

export interface InvitationActions {
  invitations: LocalInvitation[] | undefined;
  loggedIn: boolean;
  online: boolean;
  busy: boolean;
  notice: InvitationNotice | null;
  /** The invitation whose link and QR code are shown; null (or unusable): the newest usable one. */
  shownId: string | null;
  show: (id: string) => void;
  create: () => Promise<void>;
  revoke: (invitation: LocalInvitation) => Promise<void>;
}

/** Creating, listing and revoking one organisation's invitations; the list is cached locally. */
export function useInvitationActions(organisationId: string): InvitationActions {
  const deps = useDeps();
  const api = useInvitationApi();
  const online = useOnline();
  const user = useLiveQuery(() => sessionUser(deps.db), [deps.db]);
  const invitations = useLiveQuery(
    () => invitationsOf(deps.db, organisationId),
    [deps.db, organisationId],
  );
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<InvitationNotice | null>(null);
  const [shownId, setShownId] = useState<string | null>(null);
  const loggedIn = Boolean(user);

  const failed = useCallback(
    async (f: InvitationFailure): Promise<void> => {
      // The server no longer knows this session: the device forgets it too (as sync does).
      if (f.kind === 'unauthenticated') await forgetSessionUser(deps);
      setNotice(f.kind === 'network' && !navigator.onLine ? { kind: 'offline' } : f);
    },
    [deps],
  );

  // The server's word on expiry and revocation (and invitations made on other devices).
  useEffect(() => {
    if (!online || !loggedIn) return;
    let live = true;
    void api.list(organisationId).then(async (result) => {
      if (live && result.kind === 'ok') await mergeServerInvitations(deps, result.value);
    });
    return () => {
      live = false;
    };
  }, [api, deps, organisationId, online, loggedIn]);

  const guard = (): boolean => {
    if (!online) setNotice({ kind: 'offline' });
    else if (!loggedIn) setNotice({ kind: 'loggedOut' });
    return online && loggedIn;
  };

  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setNotice(null);
    try {
      await action();
    } catch {
      setNotice({ kind: 'storage' });
    } finally {
      setBusy(false);
    }
  };

  return {
    invitations,
    loggedIn,
    online,
    busy,
    notice,
    shownId,
    show: setShownId,
    create: async () => {
      if (!guard()) return;
      await run(async () => {
        const result = await api.create(organisationId);
        if (result.kind !== 'ok') return failed(result);
        const saved = await saveCreatedInvitation(
          deps,
          result.value.invitation,
          result.value.token,
        );
        setShownId(saved.id);
        setNotice({ kind: 'created' });
      });
    },
    revoke: async (invitation) => {
      if (!guard()) return;
      await run(async () => {
        const result = await api.revoke(invitation.id);
        if (result.kind !== 'ok') return failed(result);
        await markInvitationRevoked(deps, result.value);
        setNotice({ kind: 'revoked' });
      });
    },
  };
}
