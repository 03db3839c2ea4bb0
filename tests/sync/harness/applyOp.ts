import { prefill, withState } from '../../../src/domain/checklist';
import type { Organisation } from '../../../src/domain/organisation';
import { createOrganisation, updateOrganisation } from '../../../src/db/repositories/organisations';
import { saveVisit } from '../../../src/db/repositories/visits';
import { TransientSyncError } from '../../../src/sync/syncApi';
import { syncOnce } from '../../../src/sync/syncOnce';
import type { FaultyNetwork } from './faultyNetwork';
import type { Op } from './scenario';
import type { SimClient } from './simClient';
import type { SimServer } from './simServer';

const DISTRICTS = ['Biebrich', 'Mitte', 'Dotzheim', 'Westend'];

async function pickOrg(c: SimClient, pick: number): Promise<Organisation | undefined> {
  const orgs = (await c.db.organisations.orderBy('id').toArray()).filter((o) => !o.deleted);
  return orgs.length ? orgs[pick % orgs.length] : undefined;
}

function edited(
  org: Organisation,
  op: Extract<Op, { kind: 'editOrg' }>,
  tag: string,
): Organisation {
  switch (op.field) {
    case 'name':
      return { ...org, name: `${org.name.split(' #')[0] ?? org.name} #${tag}` };
    case 'memberCount':
      return { ...org, members: { ...org.members, memberCount: op.value * 10 } };
    case 'need':
      return {
        ...org,
        needs: withState(org.needs, 'findingRooms', op.value % 2 ? 'needed' : 'resolved'),
      };
    case 'district':
      return { ...org, district: DISTRICTS[op.value % DISTRICTS.length] ?? null };
    case 'status':
      return op.value % 3 === 0
        ? { ...org, status: 'excluded', statusReason: `Grund ${tag}` }
        : { ...org, status: op.value % 3 === 1 ? 'cooperating' : 'paused', statusReason: '' };
    case 'delete':
      return { ...org, deleted: true };
  }
}

/** Runs one step of a scenario against the real repositories, sync engine and server. */
export async function applyOp(
  op: Op,
  clients: SimClient[],
  server: SimServer,
  net: FaultyNetwork,
  step: number,
): Promise<void> {
  switch (op.kind) {
    case 'createOrg': {
      const c = clients[op.client];
      if (!c) return;
      await createOrganisation(c.deps, { name: `${op.name} ${step}` });
      await c.recordWrites();
      return;
    }
    case 'editOrg': {
      const c = clients[op.client];
      const org = c && (await pickOrg(c, op.pick));
      if (!c || !org) return;
      await updateOrganisation(c.deps, org, edited(org, op, `${c.name}-${step}`));
      await c.recordWrites();
      return;
    }
    case 'visit': {
      const c = clients[op.client];
      const org = c && (await pickOrg(c, op.pick));
      if (!c || !org) return;
      const before = prefill(org.needs);
      await saveVisit(c.deps, {
        visit: {
          organisationId: org.id,
          date: '2026-03-10',
          place: 'moRooms',
          placeNote: '',
          participants: '',
          purpose: 'followUp',
          language: 'de',
          interpreter: false,
          notes: `Besuch ${step}`,
          handedOver: '',
        },
        checklistBefore: before,
        checklist: withState(before, op.item, op.state),
        referrals: [],
        followUps: [{ what: `Nachfassen ${step}`, who: c.name, dueDate: '2026-04-01' }],
      });
      await c.recordWrites();
      return;
    }
    case 'sync': {
      const c = clients[op.client];
      if (!c) return;
      net.plan(op.faults);
      try {
        await syncOnce(c.deps, c.api);
      } catch (error) {
        if (!(error instanceof TransientSyncError)) throw error;
      }
      net.plan([]);
      return;
    }
    case 'restartServer':
      await server.restart();
      return;
    case 'kill':
      await clients[op.client]?.kill();
      return;
    case 'releaseHeld':
      await net.releaseHeld();
      return;
    case 'tick':
      return; // the clock is advanced by the caller
  }
}
