import type { Route } from '../../app/routes';
import type { Draft } from '../../db/database';
import { selfReportDraftToken } from '../../db/repositories/selfReportDrafts';

const ORGANISATION_PREFIX = 'organisation:';
const CONTACT_PREFIX = 'contact:';

/**
 * Where a draft is picked up again. Visit drafts reopen the visit form with the draft;
 * organisation drafts are keyed `organisation:<id>` (an edit) or `organisation:new-…` (a new
 * profile); contact drafts `contact:<organisationId>…` open the organisation's profile.
 * Self-report drafts (a representative's answers on this device) reopen their invitation link;
 * once sent they keep no link. Null when the draft says nothing usable.
 */
export function continueRoute(draft: Pick<Draft, 'id' | 'kind' | 'data'>): Route | null {
  switch (draft.kind) {
    case 'visit':
      return { name: 'visitNew', organisationId: null, draftId: draft.id };
    case 'organisation': {
      if (!draft.id.startsWith(ORGANISATION_PREFIX)) return null;
      const rest = draft.id.slice(ORGANISATION_PREFIX.length);
      if (rest === '') return null;
      if (rest === 'new' || rest.startsWith('new-')) return { name: 'organisationNew' };
      return { name: 'organisationEdit', id: rest };
    }
    case 'contact': {
      if (!draft.id.startsWith(CONTACT_PREFIX)) return null;
      const orgId = draft.id.slice(CONTACT_PREFIX.length).split(':')[0];
      return orgId ? { name: 'organisation', id: orgId } : null;
    }
    case 'selfReport': {
      const token = selfReportDraftToken(draft.data);
      return token ? { name: 'selfReport', token } : null;
    }
  }
}
