/**
 * Opening organisation profiles from the list, in the real UI: the organisation is searched by
 * name (not timed), then its row's link is clicked; timed from that click until the profile shows
 * the organisation's name and its whole visit history (count and newest visit as the app's own
 * profile query returns them), laid out. Going back to the list through the main navigation is
 * timed the same way (until the list shows the expected rows). The busiest organisations (a few
 * hundred visits) come first, then organisations spread over the rest. One warm-up open, not
 * counted, loads the profile screen's lazy chunk.
 */
import type { Page } from 'playwright-core';
import { emptyFilters } from '../../src/features/organisations/filterOrganisations';
import type { OrgSummary } from './scalePage';
import { react, type BenchWindow } from './scaleSession';

export interface ProfileSamples {
  open: number[];
  back: number[];
  /** Visits of the busiest organisation opened. */
  maxVisits: number;
}

/** The `busiest` first, then organisations spread evenly over the rest. */
export function profileTargets(
  orgs: readonly OrgSummary[],
  count: number,
  busiest = 6,
): OrgSummary[] {
  const head = orgs.slice(0, busiest);
  const rest = orgs.slice(busiest);
  const step = rest.length / Math.max(1, count - head.length);
  const spread = Array.from({ length: count - head.length }, (_, i) => rest[Math.floor(i * step)]);
  return [...head, ...spread.filter((o): o is OrgSummary => o !== undefined)];
}

/**
 * Searches the list for `org` (not timed): its row's link, and what its profile must show (as
 * the app's own profile query returns it).
 */
export async function findProfileLink(page: Page, org: OrgSummary) {
  await page.fill('#org-search', org.name);
  const link = page.locator(`[data-testid="org-list"] a[href="#/organisations/${org.id}"]`);
  await link.waitFor();
  const profile = await page.evaluate(
    (id) => (window as unknown as BenchWindow).scaleBench.expectProfile(id),
    org.id,
  );
  return { link, profile };
}

async function openOnce(page: Page, org: OrgSummary): Promise<{ open: number; back: number }> {
  const { link, profile } = await findProfileLink(page, org);
  const open = await react(
    page,
    { trigger: 'click', expect: { kind: 'profile', ...profile } },
    () => link.click(),
  );
  const list = await page.evaluate(
    (f) => (window as unknown as BenchWindow).scaleBench.expectList(f),
    { ...emptyFilters, query: org.name },
  );
  const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
  const back = await react(page, { trigger: 'click', expect: { kind: 'list', ...list } }, () =>
    nav.getByRole('link', { name: 'Organisationen' }).click(),
  );
  return { open: open.domMs, back: back.domMs };
}

export async function measureProfiles(
  page: Page,
  orgs: readonly OrgSummary[],
  samples: number,
): Promise<ProfileSamples> {
  const targets = profileTargets(orgs, samples);
  const warmUp = orgs[orgs.length - 1];
  if (warmUp) await openOnce(page, warmUp);
  const out: ProfileSamples = { open: [], back: [], maxVisits: 0 };
  for (const org of targets) {
    const t = await openOnce(page, org);
    out.open.push(t.open);
    out.back.push(t.back);
    out.maxVisits = Math.max(out.maxVisits, org.visits);
  }
  await page.fill('#org-search', '');
  return out;
}
