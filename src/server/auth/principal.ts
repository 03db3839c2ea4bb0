/**
 * Who is making a request. Coordinators log in with an account; representatives of a migrant
 * organisation get an invitation token for their one organisation.
 */
export type Principal =
  | { kind: 'coordinator'; userId: string; login: string; displayName: string }
  | { kind: 'invitation'; invitationId: string; organisationId: string };

/** What a request wants to do, with the data the scope check needs. */
export type Action =
  | { type: 'sync.pull' }
  | { type: 'sync.push'; table: string; organisationId: string | null }
  | { type: 'accounts.manage' }
  | { type: 'invitations.manage' }
  | { type: 'selfReport.read' | 'selfReport.write'; organisationId: string };

export type ActionType = Action['type'];

/**
 * The scope check. Coordinators may do everything, self-reports of any organisation included.
 * Invitation holders may only read and write the self-report of their own organisation.
 */
export function can(principal: Principal, action: Action): boolean {
  switch (principal.kind) {
    case 'coordinator':
      return true;
    case 'invitation':
      switch (action.type) {
        case 'selfReport.read':
        case 'selfReport.write':
          return action.organisationId === principal.organisationId;
        case 'sync.pull':
        case 'sync.push':
        case 'accounts.manage':
        case 'invitations.manage':
          return false;
        default:
          action satisfies never; // a new action type must be decided on here
          return false;
      }
    default:
      principal satisfies never;
      return false;
  }
}
