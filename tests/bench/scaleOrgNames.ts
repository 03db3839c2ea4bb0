/**
 * Distinct organisation names for the scale data set: "<community> <kind> <district>" in German
 * (the district is the organisation's own), most with a name in the community's own script or
 * language, some with a short name.
 */
import { referenceSeeds } from '../../src/domain/referenceData';
import type { Random } from './scaleRandom';
import { communities, kinds, type Community } from './scaleNames';

export interface GeneratedName {
  names: { name: string; originalName: string; shortName: string };
  /** District code, or null (then the name has no place in it). */
  district: string | null;
  community: Community;
}

const districts = referenceSeeds
  .filter((s) => s.kind === 'district')
  .map((s) => ({ code: s.code, label: s.label ?? s.code }));

const endings = { m: 'er', f: 'e', n: 'es' } as const;

function initials(text: string): string {
  return text
    .split(/[\s-]+/)
    .filter((w) => w.length > 2)
    .map((w) => w[0]?.toLocaleUpperCase('de') ?? '')
    .join('');
}

export function buildOrganisationNames(rnd: Random, count: number): GeneratedName[] {
  const used = new Set<string>();
  const out: GeneratedName[] = [];
  while (out.length < count) {
    const community = rnd.pick(communities);
    const [kind, gender] = rnd.pick(kinds);
    const district = rnd.chance(0.92) ? rnd.pick(districts) : null;
    const legal = rnd.chance(0.6) ? ' e. V.' : '';
    const what = `${community.adjective}${endings[gender]} ${kind}`;
    const name = `${what}${district ? ` ${district.label}` : ''}${legal}`;
    if (used.has(name)) continue;
    used.add(name);
    const originalName =
      community.original.length > 0 && rnd.chance(0.8) ? rnd.pick(community.original) : '';
    const shortName = rnd.chance(0.3)
      ? `${initials(what)}${district ? ` ${district.label}` : ''}`
      : '';
    out.push({
      names: { name, originalName, shortName },
      district: district?.code ?? null,
      community,
    });
  }
  return out;
}
