import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute, type Route } from '../../src/app/routes';
import { pickLanguage } from '../../src/app/languages';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'organisations' },
    { name: 'organisationNew' },
    { name: 'organisation', id: 'abc' },
    { name: 'organisationEdit', id: 'abc' },
    { name: 'needsHistory', id: 'abc' },
    { name: 'visitNew', organisationId: 'abc', draftId: 'visit:1' },
    { name: 'visitNew', organisationId: null, draftId: null },
    { name: 'followUps' },
    { name: 'drafts' },
    { name: 'settings' },
    { name: 'login' },
    { name: 'sync' },
    { name: 'conflicts' },
    { name: 'selfReports' },
    { name: 'selfReportReview', id: 'abc' },
    { name: 'selfReport', token: 'inv_AbC-12_x' },
  ];
  it.each(routes)('round-trips $name', (route) => {
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
  it('starts on the organisation list and sends unknown paths to not-found', () => {
    expect(parseRoute('')).toEqual({ name: 'organisations' });
    expect(parseRoute('#/nowhere')).toEqual({ name: 'notFound' });
  });
});

describe('language choice', () => {
  const langs = [
    { code: 'de', name: 'Deutsch', dir: 'ltr' as const },
    { code: 'en', name: 'English', dir: 'ltr' as const },
  ];
  it('prefers the saved choice, then the browser, then German', () => {
    expect(pickLanguage('en', ['de-DE'], langs).code).toBe('en');
    expect(pickLanguage(null, ['en-GB', 'de'], langs).code).toBe('en');
    expect(pickLanguage(null, ['fr-FR'], langs).code).toBe('de');
  });
});
