/**
 * Committing a visit. Through the real form: the form is filled (not timed: purpose, three
 * checklist items, one referral, one follow-up), then, half a second later, "save" is clicked;
 * timed from that click until the form says it is saved, laid out. Through the repository: the app's `saveVisit` in the
 * page on the app's database (real Dexie), alternating with one raw IndexedDB transaction putting
 * the same records; both timed in the page from the call until the transaction completed.
 */
import type { Page } from 'playwright-core';
import type { OrgSummary } from './scalePage';
import type { CommitTiming } from './scalePageCommit';
import { react, type BenchWindow } from './scaleSession';

export interface CommitSamples {
  form: number[];
  /** Form saves that showed no "saved" within the timeout (kept in `form` as the timeout). */
  formTimeouts: string[];
  repo: number[];
  raw: number[];
}

const CHECKLIST: [string, string][] = [
  ['findingRooms', 'Bedarf'],
  ['volunteerTraining', 'Kein Bedarf'],
  ['fundingMatters', 'Erledigt'],
];

const SAVE_TIMEOUT_MS = 15_000;

/** Opens a new visit for `org`: the form, with the organisation chosen. */
async function openVisitForm(page: Page, org: OrgSummary): Promise<void> {
  await page.evaluate(
    (hash) => {
      location.hash = hash;
    },
    `#/visits/new?org=${encodeURIComponent(org.id)}`,
  );
  await page.locator('.org-selected-name').waitFor();
}

/** Opens the visit form for `org` and fills it as the benchmark does (not timed). */
export async function fillVisitForm(page: Page, org: OrgSummary): Promise<void> {
  await openVisitForm(page, org);
  await page.getByRole('radio', { name: 'Beratung' }).check();
  for (const [item, state] of CHECKLIST) {
    await page
      .getByTestId(`checklist-item-${item}`)
      .getByRole('radio', { name: state, exact: true })
      .check();
  }
  await page.getByRole('button', { name: 'Verweis hinzufügen' }).click();
  await page.getByLabel('Verwiesen an').selectOption({ label: 'Kulturamt' });
  await page.getByLabel('Anliegen').fill('Raum für das Sommerfest');
  await page.getByRole('button', { name: 'Wiedervorlage hinzufügen' }).click();
  await page.getByLabel('Was ist zu tun?').fill('Förderantrag gemeinsam durchgehen');
}

/**
 * A person looks over the form before pressing "save": by then the draft of what they typed last
 * has been written (300 ms after the last change, useDraftAutosave.ts) and the page is idle.
 */
export function lookOver(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 1000 }), 500);
      }),
  );
}

async function saveThroughForm(page: Page, org: OrgSummary): Promise<number> {
  await fillVisitForm(page, org);
  await lookOver(page);
  const t = await react(
    page,
    { trigger: 'click', expect: { kind: 'saved' }, timeoutMs: SAVE_TIMEOUT_MS },
    () => page.getByTestId('visit-save').click(),
  );
  return t.domMs;
}

/**
 * A save that never says "saved" is a finding, not a reason to stop: it counts as the timeout
 * (so it shows in the p95) and its message goes into the row's note.
 */
async function timedSave(page: Page, org: OrgSummary, out: CommitSamples): Promise<number> {
  try {
    return await saveThroughForm(page, org);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith('page.evaluate: Error: no reaction')) throw error;
    out.formTimeouts.push(message.replace(/^page\.evaluate: Error: /, ''));
    if (out.formTimeouts.length > 3) throw error;
    return SAVE_TIMEOUT_MS;
  }
}

export async function measureCommits(
  page: Page,
  orgs: readonly OrgSummary[],
  formSamples: number,
  pairSamples: number,
): Promise<CommitSamples> {
  const out: CommitSamples = { form: [], formTimeouts: [], repo: [], raw: [] };
  const orgAt = (i: number): OrgSummary => {
    const org = orgs[(i * 37) % orgs.length];
    if (!org) throw new Error('no organisations');
    return org;
  };
  // One warm-up save loads the visit screen's lazy chunk; not counted.
  await timedSave(page, orgAt(formSamples), out);
  for (let i = 0; i < formSamples; i += 1) out.form.push(await timedSave(page, orgAt(i), out));
  const pair = (i: number): Promise<CommitTiming> =>
    page.evaluate(([id, n]) => (window as unknown as BenchWindow).scaleBench.commitPair(id, n), [
      orgAt(i).id,
      i,
    ] as const);
  // A visit is saved from the visit form: that screen (watching its one organisation) is the one
  // on show while the repository commits, not the profile the last form save went on to.
  await openVisitForm(page, orgAt(0));
  for (let i = 0; i < 4; i += 1) await pair(1000 + i);
  for (let i = 0; i < pairSamples; i += 1) {
    const t = await pair(i);
    out.repo.push(t.repoMs);
    out.raw.push(t.rawMs);
  }
  return out;
}
