import { describe, expect, it } from 'vitest';
import { formatDuration, relativeTime } from '../../src/app/status/relativeTime';

describe('relative time for the status bar', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  it('says nothing under a minute, then minutes, hours and days', () => {
    expect(relativeTime(ago(20_000), now, 'de')).toBeNull();
    expect(relativeTime(ago(3 * 60_000), now, 'de')).toBe('vor 3 Minuten');
    expect(relativeTime(ago(3 * 60_000), now, 'en')).toBe('3 minutes ago');
    expect(relativeTime(ago(2 * 3_600_000), now, 'de')).toBe('vor 2 Stunden');
    expect(relativeTime(ago(26 * 3_600_000), now, 'de')).toBe('gestern');
    expect(relativeTime(ago(3 * 86_400_000), now, 'en')).toBe('3 days ago');
    // A timestamp from a clock ahead of this one is not "in 2 minutes".
    expect(relativeTime(ago(-120_000), now, 'de')).toBeNull();
  });

  it('sizes a clock difference in whole units', () => {
    expect(formatDuration(7 * 60_000, 'de')).toBe('7 Minuten');
    expect(formatDuration(-7 * 60_000, 'en')).toBe('7 minutes');
    expect(formatDuration(3 * 3_600_000, 'de')).toBe('3 Stunden');
    expect(formatDuration(3 * 86_400_000, 'en')).toBe('3 days');
  });
});
