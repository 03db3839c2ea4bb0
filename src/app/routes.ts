/**
 * The app's screens as data, parsed from the location hash (works offline from the precached
 * index.html, needs no server rewrites). Pure: tested without a browser.
 */
export type Route =
  | { name: 'organisations' }
  | { name: 'organisationNew' }
  | { name: 'organisation'; id: string }
  | { name: 'organisationEdit'; id: string }
  | { name: 'needsHistory'; id: string }
  | { name: 'visitNew'; organisationId: string | null; draftId: string | null }
  | { name: 'followUps' }
  | { name: 'drafts' }
  | { name: 'settings' }
  | { name: 'login' }
  | { name: 'sync' }
  | { name: 'conflicts' }
  | { name: 'selfReports' }
  | { name: 'selfReportReview'; id: string }
  /** The representative's self-report, opened from an invitation link (token in the hash). */
  | { name: 'selfReport'; token: string }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const [pathPart = '', queryPart = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  const query = new URLSearchParams(queryPart);
  const [a, b, c] = parts;
  if (parts.length === 0 || (a === 'organisations' && parts.length === 1))
    return { name: 'organisations' };
  if (a === 'organisations' && b === 'new' && parts.length === 2)
    return { name: 'organisationNew' };
  if (a === 'organisations' && b && parts.length === 2) return { name: 'organisation', id: b };
  if (a === 'organisations' && b && c === 'edit' && parts.length === 3)
    return { name: 'organisationEdit', id: b };
  if (a === 'organisations' && b && c === 'history' && parts.length === 3)
    return { name: 'needsHistory', id: b };
  if (a === 'visits' && b === 'new' && parts.length === 2) {
    return { name: 'visitNew', organisationId: query.get('org'), draftId: query.get('draft') };
  }
  if (a === 'follow-ups' && parts.length === 1) return { name: 'followUps' };
  if (a === 'drafts' && parts.length === 1) return { name: 'drafts' };
  if (a === 'settings' && parts.length === 1) return { name: 'settings' };
  if (a === 'login' && parts.length === 1) return { name: 'login' };
  if (a === 'sync' && parts.length === 1) return { name: 'sync' };
  if (a === 'conflicts' && parts.length === 1) return { name: 'conflicts' };
  if (a === 'self-reports' && parts.length === 1) return { name: 'selfReports' };
  if (a === 'self-reports' && b && parts.length === 2) return { name: 'selfReportReview', id: b };
  if (a === 'report' && b && parts.length === 2) return { name: 'selfReport', token: b };
  return { name: 'notFound' };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'organisations':
      return '#/organisations';
    case 'organisationNew':
      return '#/organisations/new';
    case 'organisation':
      return `#/organisations/${encodeURIComponent(route.id)}`;
    case 'organisationEdit':
      return `#/organisations/${encodeURIComponent(route.id)}/edit`;
    case 'needsHistory':
      return `#/organisations/${encodeURIComponent(route.id)}/history`;
    case 'visitNew': {
      const q = new URLSearchParams();
      if (route.organisationId) q.set('org', route.organisationId);
      if (route.draftId) q.set('draft', route.draftId);
      const qs = q.toString();
      return `#/visits/new${qs ? `?${qs}` : ''}`;
    }
    case 'followUps':
      return '#/follow-ups';
    case 'drafts':
      return '#/drafts';
    case 'settings':
      return '#/settings';
    case 'login':
      return '#/login';
    case 'sync':
      return '#/sync';
    case 'conflicts':
      return '#/conflicts';
    case 'selfReports':
      return '#/self-reports';
    case 'selfReportReview':
      return `#/self-reports/${encodeURIComponent(route.id)}`;
    case 'selfReport':
      return `#/report/${encodeURIComponent(route.token)}`;
    case 'notFound':
      return '#/';
  }
}
