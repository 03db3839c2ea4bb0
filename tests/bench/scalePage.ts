/**
 * The scale benchmark's code inside the page (bundled by scaleBuild.ts into one script and added
 * to every page of the benchmark's browser context): seeds the app's IndexedDB with the app's own
 * Dexie schema, answers what the UI should show (through the app's own query and filter code),
 * times UI reactions in the page, and times the visit repository against a raw IndexedDB
 * transaction writing the same records.
 */
import { BrueckeDb, shadowKey } from '../../src/db/database';
import { browserDeps, type RepoDeps } from '../../src/db/deps';
import { organisationOverview } from '../../src/db/queries/organisations';
import { organisationProfile } from '../../src/db/queries/organisationProfile';
import { saveVisit } from '../../src/db/repositories/visits';
import { recordSchemas } from '../../src/domain/tables';
import { recordVersions } from '../../src/sync/serverVersions';
import { PULL_PAGE } from '../../src/sync/syncOnce';
import type { OrganisationFilters } from '../../src/features/organisations/filterOrganisations';
import {
  buildOrganisationIndex,
  queryOrganisations,
  type OrganisationIndex,
} from '../../src/features/organisations/list/organisationIndex';
import { buildScaleData, countChecklistEntries, type ScaleSpec } from './scaleData';
import { rawCommit, visitInputFor, type CommitTiming } from './scalePageCommit';
import { armReaction, settleReaction, type Reaction, type ReactionTiming } from './scaleReaction';

let db: BrueckeDb | null = null;
const appDb = (): BrueckeDb => (db ??= new BrueckeDb('bruecke'));
let index: OrganisationIndex | null = null;

export interface SeedResult {
  counts: Record<string, number>;
  checklistEntries: { updates: number; needs: number };
  generateMs: number;
  validateMs: number;
  writeMs: number;
  invalid: number;
}

async function seed(spec: ScaleSpec): Promise<SeedResult> {
  const t0 = performance.now();
  const set = buildScaleData(spec);
  const t1 = performance.now();
  let invalid = 0;
  const tables = ['organisations', 'contacts', 'visits', 'referrals', 'followUps'] as const;
  for (const table of tables) {
    for (const record of set[table])
      if (!recordSchemas[table].safeParse(record).success) invalid += 1;
  }
  const t2 = performance.now();
  const d = appDb();
  await d.transaction(
    'rw',
    tables.map((t) => d.table(t)),
    async () => {
      for (const table of tables) await d.table(table).bulkPut(set[table]);
    },
  );
  // As after a first pull: the server version of every record, page by page (PULL_PAGE records
  // per version row, compacted as the engine does), so a local edit looks its version up as on a
  // device that got its records from the server.
  const keys = tables.flatMap((table) => set[table].map((r) => shadowKey(table, r.id)));
  await d.transaction('rw', d.shadows, async () => {
    for (let i = 0; i < keys.length; i += PULL_PAGE) {
      const page = keys.slice(i, i + PULL_PAGE).map((key, j): [string, number] => [key, i + j + 1]);
      await recordVersions(d, i + page.length, page);
    }
  });
  const t3 = performance.now();
  return {
    counts: Object.fromEntries(tables.map((t) => [t, set[t].length])),
    checklistEntries: countChecklistEntries(set),
    generateMs: t1 - t0,
    validateMs: t2 - t1,
    writeMs: t3 - t2,
    invalid,
  };
}

export interface OrgSummary {
  id: string;
  name: string;
  visits: number;
}

/** Reads what the app will show, through the app's own query; organisations by visit count. */
async function load(): Promise<OrgSummary[]> {
  const overview = await organisationOverview(appDb());
  // Built once, like the list screen does; every expectation is then a cheap query.
  index = buildOrganisationIndex(
    overview.organisations,
    overview.lastVisits,
    new Intl.Collator(document.documentElement.lang || 'de', { sensitivity: 'base' }),
  );
  const visits = new Map<string, number>();
  await appDb()
    .visits.orderBy('organisationId')
    .eachKey((key) => {
      if (typeof key === 'string') visits.set(key, (visits.get(key) ?? 0) + 1);
    });
  return overview.organisations
    .filter((o) => !o.deleted)
    .map((o) => ({ id: o.id, name: o.name, visits: visits.get(o.id) ?? 0 }))
    .sort((a, b) => b.visits - a.visits);
}

export interface ListExpectation {
  count: number;
  firstId: string | null;
}

function expectList(filters: OrganisationFilters): ListExpectation {
  if (!index) throw new Error('load() first');
  const rows = queryOrganisations(index, filters);
  return { count: rows.length, firstId: rows[0]?.org.id ?? null };
}

export interface ProfileExpectation {
  name: string;
  visits: number;
  newest: string | null;
}

async function expectProfile(id: string): Promise<ProfileExpectation> {
  const p = await organisationProfile(appDb(), id);
  return {
    name: p.organisation?.name ?? '',
    visits: p.visits.length,
    newest: p.visits[0]?.date ?? null,
  };
}

let deps: RepoDeps | null = null;

/**
 * Waits until the page has nothing left to do (the screens' live queries and renders after the
 * last write), so that a sample times one commit on a quiet page, as a person's save would be,
 * not the tail of the sample before it.
 */
function quiet(): Promise<void> {
  return new Promise((resolve) => {
    requestIdleCallback(() => resolve(), { timeout: 1000 });
  });
}

/** The repository save and a raw transaction of the same records, in alternating order. */
async function commitPair(orgId: string, n: number): Promise<CommitTiming> {
  deps ??= browserDeps(appDb());
  const input = await visitInputFor(appDb(), orgId, n);
  const raw = async (): Promise<number> => {
    await quiet();
    return rawCommit(appDb(), orgId, input, n);
  };
  const repo = async (): Promise<number> => {
    await quiet();
    const t0 = performance.now();
    await saveVisit(deps as RepoDeps, input);
    return performance.now() - t0;
  };
  if (n % 2 === 0) {
    const repoMs = await repo();
    return { repoMs, rawMs: await raw() };
  }
  const rawMs = await raw();
  return { rawMs, repoMs: await repo() };
}

const api = {
  seed,
  load,
  expectList,
  expectProfile,
  commitPair,
  arm: (reaction: Reaction): void => armReaction(reaction),
  settle: (): Promise<ReactionTiming> => settleReaction(),
};
export type ScalePageApi = typeof api;

(globalThis as unknown as { scaleBench: ScalePageApi }).scaleBench = api;
