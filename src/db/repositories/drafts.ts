import type { Draft } from '../database';
import type { RepoDeps } from '../deps';

/** Drafts are local only (never synced): the half-typed form, kept until saved or discarded. */
export async function saveDraft(deps: RepoDeps, draft: Omit<Draft, 'updatedAt'>): Promise<void> {
  await deps.db.drafts.put({ ...draft, updatedAt: deps.now().toISOString() });
}

export async function discardDraft(deps: RepoDeps, id: string): Promise<void> {
  await deps.db.drafts.delete(id);
}
