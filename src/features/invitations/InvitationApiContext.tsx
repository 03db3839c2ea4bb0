import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { readingWholeBody } from '../../sync/startBrowserSync';
import { createInvitationApi, type InvitationApi } from './invitationApi';

const InvitationApiContext = createContext<InvitationApi | null>(null);

/** Lets tests (or a future shell) hand the panel another client; the browser one is the default. */
export function InvitationApiProvider({
  api,
  children,
}: {
  api: InvitationApi;
  children: ReactNode;
}) {
  return <InvitationApiContext.Provider value={api}>{children}</InvitationApiContext.Provider>;
}

export function useInvitationApi(): InvitationApi {
  const provided = useContext(InvitationApiContext);
  return useMemo(
    () => provided ?? createInvitationApi('', readingWholeBody(fetch.bind(window))),
    [provided],
  );
}
