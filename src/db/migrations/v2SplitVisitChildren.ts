import type { Transaction } from 'dexie';

interface V1Referral {
  id: string;
  targetId: string;
  note?: string;
  outcome?: string;
}
interface V1FollowUp {
  id: string;
  what: string;
  who?: string;
  dueDate: string;
  done?: boolean;
}
interface V1Visit {
  id: string;
  organisationId: string;
  createdAt: string;
  updatedAt: string;
  referrals?: V1Referral[];
  followUps?: V1FollowUp[];
}

/**
 * Version 2 gives referrals and follow-ups their own tables, so that marking a follow-up done
 * never rewrites (or conflicts with) the visit it came from. Existing visits are split.
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const visits = (await tx.table('visits').toArray()) as V1Visit[];
  const referrals = tx.table('referrals');
  const followUps = tx.table('followUps');
  for (const v of visits) {
    const base = {
      organisationId: v.organisationId,
      visitId: v.id,
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      deleted: false,
    };
    for (const r of v.referrals ?? []) {
      await referrals.put({
        ...base,
        id: r.id,
        targetId: r.targetId,
        note: r.note ?? '',
        outcome: r.outcome ?? 'open',
      });
    }
    for (const f of v.followUps ?? []) {
      await followUps.put({
        ...base,
        id: f.id,
        what: f.what,
        who: f.who ?? '',
        dueDate: f.dueDate,
        done: f.done ?? false,
        doneAt: null,
      });
    }
  }
  await tx
    .table('visits')
    .toCollection()
    .modify((v: V1Visit) => {
      delete v.referrals;
      delete v.followUps;
    });
}
