import { describe, expect, it } from 'vitest';
import { createLoginThrottle, ipKey } from '../../src/server/auth/loginThrottle';
import { type Action, can, type Principal } from '../../src/server/auth/principal';

const coordinator: Principal = {
  kind: 'coordinator',
  userId: 'u1',
  login: 'koordination',
  displayName: 'Demo-Koordination',
};
const invitation: Principal = {
  kind: 'invitation',
  invitationId: 'i1',
  organisationId: 'org-a',
};

const cases: [string, Action, boolean, boolean][] = [
  // label, action, coordinator may, invitation for org-a may
  ['sync.pull', { type: 'sync.pull' }, true, false],
  [
    'sync.push org-a',
    { type: 'sync.push', table: 'organisations', organisationId: 'org-a' },
    true,
    false,
  ],
  [
    'sync.push global',
    { type: 'sync.push', table: 'referenceData', organisationId: null },
    true,
    false,
  ],
  ['accounts.manage', { type: 'accounts.manage' }, true, false],
  ['invitations.manage', { type: 'invitations.manage' }, true, false],
  ['selfReport.read own', { type: 'selfReport.read', organisationId: 'org-a' }, true, true],
  ['selfReport.write own', { type: 'selfReport.write', organisationId: 'org-a' }, true, true],
  ['selfReport.read other', { type: 'selfReport.read', organisationId: 'org-b' }, true, false],
  ['selfReport.write other', { type: 'selfReport.write', organisationId: 'org-b' }, true, false],
  ['selfReport.write empty id', { type: 'selfReport.write', organisationId: '' }, true, false],
];

describe('can()', () => {
  it.each(cases)('%s', (_label, action, coordinatorMay, invitationMay) => {
    expect(can(coordinator, action)).toBe(coordinatorMay);
    expect(can(invitation, action)).toBe(invitationMay);
  });

  it('denies unknown action types to invitations', () => {
    const unknown = { type: 'records.delete' } as unknown as Action;
    expect(can(invitation, unknown)).toBe(false);
  });
});

describe('login throttle', () => {
  const MINUTE = 60_000;

  function setup() {
    let nowMs = Date.parse('2026-03-10T09:00:00Z');
    const throttle = createLoginThrottle(() => new Date(nowMs));
    return {
      throttle,
      advance: (ms: number) => {
        nowMs += ms;
      },
    };
  }

  it('allows 5 failures per login within 15 minutes (sliding)', () => {
    const { throttle, advance } = setup();
    for (let i = 0; i < 5; i += 1) {
      expect(throttle.check('anna', '10.0.0.1')).toEqual({ allowed: true, retryAfterSeconds: 0 });
      throttle.recordFailure('anna', `10.0.0.${i}`);
      advance(MINUTE);
    }
    expect(throttle.check('Anna', '10.9.9.9')).toEqual({ allowed: false, retryAfterSeconds: 600 });
    advance(10 * MINUTE - 1000);
    expect(throttle.check('anna', '10.9.9.9')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    advance(1000);
    expect(throttle.check('anna', '10.9.9.9').allowed).toBe(true);
    expect(throttle.check('bert', '10.9.9.9').allowed).toBe(true);
  });

  it('allows 20 failures per address', () => {
    const { throttle } = setup();
    for (let i = 0; i < 20; i += 1) throttle.recordFailure(`user${i}`, '10.0.0.1');
    expect(throttle.check('someone', '10.0.0.1')).toEqual({
      allowed: false,
      retryAfterSeconds: 900,
    });
    expect(throttle.check('someone', '::ffff:10.0.0.1').allowed).toBe(false);
    expect(throttle.check('someone', '10.0.0.2').allowed).toBe(true);
  });

  it('resets a login on success, and takes back a provisional address failure', () => {
    const { throttle } = setup();
    for (let i = 0; i < 5; i += 1) throttle.recordFailure('anna', '10.0.0.1');
    expect(throttle.check('anna', '10.0.0.2').allowed).toBe(false);
    throttle.recordSuccess('anna');
    expect(throttle.check('anna', '10.0.0.2').allowed).toBe(true);

    for (let i = 0; i < 20; i += 1) throttle.recordFailure(`user${i}`, '10.0.0.3');
    expect(throttle.check('x', '10.0.0.3').allowed).toBe(false);
    throttle.recordSuccess('user19', '10.0.0.3');
    expect(throttle.check('x', '10.0.0.3').allowed).toBe(true);
  });

  it('keeps separate state per instance', () => {
    const a = setup().throttle;
    const b = setup().throttle;
    for (let i = 0; i < 5; i += 1) a.recordFailure('anna', '10.0.0.1');
    expect(a.check('anna', '10.0.0.1').allowed).toBe(false);
    expect(b.check('anna', '10.0.0.1').allowed).toBe(true);
  });

  it('stays bounded in memory and keeps recent keys', () => {
    let nowMs = 0;
    const throttle = createLoginThrottle(() => new Date(nowMs), { maxTrackedKeys: 100 });
    for (let i = 0; i < 1000; i += 1) {
      throttle.recordFailure(`spray${i}`, `10.1.${Math.floor(i / 256)}.${i % 256}`);
      nowMs += 1;
    }
    for (let i = 0; i < 5; i += 1) throttle.recordFailure('anna', '10.0.0.1');
    expect(throttle.check('anna', '10.0.0.9').allowed).toBe(false);
  });

  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
    ['2001:0db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('ipKey(%s) = %s', (ip, key) => {
    expect(ipKey(ip)).toBe(key);
  });
});
