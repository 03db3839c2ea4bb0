export interface ThrottleDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds (≥ 1) until the next attempt can be allowed. */
  retryAfterSeconds: number;
}

export interface LoginThrottleLimits {
  /** Failed attempts per login within the window (default 5). */
  maxPerLogin?: number;
  /** Failed attempts per client address within the window (default 20). */
  maxPerIp?: number;
  /** Sliding window length in ms (default 15 minutes). */
  windowMs?: number;
  /** Bound on remembered logins/addresses each, against memory exhaustion (default 10 000). */
  maxTrackedKeys?: number;
}

export interface LoginThrottle {
  /** Whether a login attempt for `login` from `ip` may be checked at all. Records nothing. */
  check(login: string, ip: string): ThrottleDecision;
  /** Counts a failed attempt against both the login and the address. */
  recordFailure(login: string, ip: string): void;
  /**
   * A successful login clears the failures of that login. With `ip`, it also takes back the most
   * recent failure of that address: for callers that record every attempt as failed before
   * verifying it (so concurrent attempts cannot slip past the limit) and then learn it succeeded.
   */
  recordSuccess(login: string, ip?: string): void;
}

/**
 * In-memory sliding-window limiter for failed logins. All state lives in the returned object (one
 * per server), the clock is injected.
 */
export function createLoginThrottle(
  now: () => Date,
  {
    maxPerLogin = 5,
    maxPerIp = 20,
    windowMs = 15 * 60 * 1000,
    maxTrackedKeys = 10_000,
  }: LoginThrottleLimits = {},
): LoginThrottle {
  const byLogin = new SlidingWindows(maxPerLogin, windowMs, maxTrackedKeys);
  const byIp = new SlidingWindows(maxPerIp, windowMs, maxTrackedKeys);

  return {
    check(login, ip) {
      const at = now().getTime();
      const wait = Math.max(byLogin.waitMs(loginKey(login), at), byIp.waitMs(ipKey(ip), at));
      return wait > 0
        ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) }
        : { allowed: true, retryAfterSeconds: 0 };
    },
    recordFailure(login, ip) {
      const at = now().getTime();
      byLogin.add(loginKey(login), at);
      byIp.add(ipKey(ip), at);
    },
    recordSuccess(login, ip) {
      byLogin.clear(loginKey(login));
      if (ip !== undefined) byIp.removeNewest(ipKey(ip));
    },
  };
}

/** Logins are case-insensitive (like the `users.login` column). */
function loginKey(login: string): string {
  return login.trim().toLowerCase();
}

/**
 * IPv4-mapped IPv6 addresses count as their IPv4 address; other IPv6 addresses by their /64
 * prefix, since one client usually owns a whole /64.
 */
export function ipKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::', 2);
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'),
          ...tailGroups,
        ];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** Per key, the times of the most recent events (at most `max` are ever needed). */
class SlidingWindows {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys: number,
  ) {}

  /** 0 if fewer than `max` events are in the window at `at`, else ms until the oldest leaves. */
  waitMs(key: string, at: number): number {
    const times = this.live(key, at);
    if (times.length < this.max) return 0;
    const oldestCounted = times[times.length - this.max] ?? at;
    return oldestCounted + this.windowMs - at;
  }

  add(key: string, at: number): void {
    const times = this.live(key, at);
    times.push(at);
    if (times.length > this.max) times.splice(0, times.length - this.max);
    this.events.delete(key); // re-insert: Map order is then least recently used first
    this.events.set(key, times);
    if (this.events.size > this.maxKeys) this.evict(at);
  }

  clear(key: string): void {
    this.events.delete(key);
  }

  removeNewest(key: string): void {
    const times = this.events.get(key);
    times?.pop();
    if (times?.length === 0) this.events.delete(key);
  }

  private live(key: string, at: number): number[] {
    const times = this.events.get(key);
    if (!times) return [];
    const firstLive = times.findIndex((time) => time > at - this.windowMs);
    if (firstLive === -1) {
      this.events.delete(key);
      return [];
    }
    if (firstLive > 0) times.splice(0, firstLive);
    return times;
  }

  private evict(at: number): void {
    for (const key of [...this.events.keys()]) this.live(key, at);
    for (const key of this.events.keys()) {
      if (this.events.size <= this.maxKeys) break;
      this.events.delete(key);
    }
  }
}
