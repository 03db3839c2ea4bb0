import { createSelfReportApi, type LoadOutcome, type SelfReportApi } from './selfReportApi';

/** The representative's API client in the browser (same origin). */
export function browserSelfReportApi(): SelfReportApi {
  return createSelfReportApi('', (input, init) => fetch(input, init));
}

/**
 * `api`, with the link's data for `token` requested right now, when the page starts: the
 * request then runs while the page's code, translations and database get ready, instead of
 * after them. The session's first `load(token)` (a fresh draft, or checking the link of a draft
 * already on the phone) gets that answer; every later `load` asks the server again.
 */
export function loadingEarly(api: SelfReportApi, token: string): SelfReportApi {
  let early: Promise<LoadOutcome> | null = api.load(token);
  return {
    load: (asked) => {
      const answer = asked === token ? early : null;
      if (!answer) return api.load(asked);
      early = null;
      return answer;
    },
    submit: (asked, submission) => api.submit(asked, submission),
  };
}
