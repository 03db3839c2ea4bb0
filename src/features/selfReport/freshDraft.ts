import type { RepoDeps } from '../../db/deps';
import {
  otherOpenDrafts,
  replaceSelfReportDrafts,
  type OpenSelfReportDraft,
} from '../../db/repositories/selfReportDrafts';
import type { SelfReportView } from '../../domain/selfReport';
import { carryOver, newDraft } from './selfReportDraft';

/**
 * Stores a new draft for a link from the server's view. An unsent draft of the same organisation
 * under another (e.g. expired) link is taken over, so nothing typed there is lost, and removed.
 */
export async function storeFreshDraft(
  deps: RepoDeps,
  id: string,
  token: string,
  view: SelfReportView,
  language: string,
): Promise<{ draft: OpenSelfReportDraft; carriedOver: boolean }> {
  const older = await otherOpenDrafts(deps, view.organisationId, id);
  const previous = older[0];
  const fresh = newDraft(token, view, language);
  const draft = previous ? carryOver(previous.data, fresh) : fresh;
  await replaceSelfReportDrafts(
    deps,
    id,
    draft,
    older.map((o) => o.id),
  );
  return { draft, carriedOver: previous !== undefined };
}
