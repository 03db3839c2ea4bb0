import { describe, expect, it } from 'vitest';
import { loadingEarly } from '../../src/features/selfReport/earlyLoad';
import type { LoadOutcome, SelfReportApi } from '../../src/features/selfReport/selfReportApi';

function countingApi(): { api: SelfReportApi; loads: string[] } {
  const loads: string[] = [];
  const api: SelfReportApi = {
    load: (token) => {
      loads.push(token);
      return Promise.resolve<LoadOutcome>({ kind: 'unexpected', status: loads.length });
    },
    submit: () => Promise.resolve({ kind: 'network' }),
  };
  return { api, loads };
}

describe('loadingEarly (the link data asked for when the page starts)', () => {
  it('asks at once, hands that answer to the first load of the token, then asks again', async () => {
    const { api, loads } = countingApi();
    const early = loadingEarly(api, 'tok');
    expect(loads).toEqual(['tok']);
    expect(await early.load('tok')).toEqual({ kind: 'unexpected', status: 1 });
    expect(loads).toEqual(['tok']);
    expect(await early.load('tok')).toEqual({ kind: 'unexpected', status: 2 });
    expect(loads).toEqual(['tok', 'tok']);
  });

  it('never gives the early answer to another link', async () => {
    const { api, loads } = countingApi();
    const early = loadingEarly(api, 'tok');
    expect(await early.load('other')).toEqual({ kind: 'unexpected', status: 2 });
    expect(loads).toEqual(['tok', 'other']);
    expect(await early.load('tok')).toEqual({ kind: 'unexpected', status: 1 });
  });
});
