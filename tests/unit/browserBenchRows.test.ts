import { describe, expect, it } from 'vitest';
import { sampledRow } from '../bench/browserRows';
import { installRow } from '../bench/lighthouseBench';
import { frameCauses, type LongFrame } from '../bench/longTaskProbe';
import { startRows, type StartSamples } from '../bench/startBench';
import { longTaskRows, type PullRun } from '../bench/syncLongTasksBench';

describe('sampledRow', () => {
  it('reports the median as the value, with the nearest-rank p95 and the number of runs', () => {
    const row = sampledRow({
      figure: 'x',
      unit: 'ms',
      samples: [5, 1, 4, 2, 3],
      budget: '≤ 3',
      pass: ({ median }) => median <= 3,
      note: '',
    });
    expect(row).toMatchObject({ value: 3, median: 3, p95: 5, runs: 5, pass: true });
  });

  it('fails a figure without samples', () => {
    const row = sampledRow({
      figure: 'x',
      unit: 'ms',
      samples: [],
      budget: 'baseline',
      pass: () => true,
      note: '',
    });
    expect(row.pass).toBe(false);
  });
});

describe('startRows', () => {
  const cold = [2000, 2200, 2400];
  const samples = (warm: number[]): StartSamples => ({
    cold,
    warm,
    ratio: warm.map((w, i) => w / (cold[i] ?? Number.NaN)),
    coldLoopback: [900, 1000, 1100],
    warmData: [600, 700, 800],
  });
  const byFigure = (rows: ReturnType<typeof startRows>, start: string) =>
    rows.find((r) => r.figure.startsWith(start));

  it('passes a warm start under 1 s and under half the cold start', () => {
    const rows = startRows(samples([500, 600, 700]), 1000, 181);
    expect(byFigure(rows, 'Start, warm: same')?.pass).toBe(true);
    expect(byFigure(rows, 'Start, warm / cold')?.value).toBe(0.27);
    expect(byFigure(rows, 'Start, warm offline with 1000')?.pass).toBe(true);
  });

  it('fails a warm start that is more than half the cold start, even under 1 s', () => {
    const rows = startRows(
      { ...samples([900, 950, 990]), cold: [1500, 1600, 1700], ratio: [0.6, 0.59, 0.58] },
      1000,
      181,
    );
    expect(byFigure(rows, 'Start, warm: same')?.pass).toBe(false);
    expect(byFigure(rows, 'Start, warm / cold')?.pass).toBe(false);
  });
});

describe('longTaskRows', () => {
  const run = (durations: number[]): PullRun => ({
    pullMs: 5000,
    tasks: durations.map((duration, i) => ({ startTime: i * 1000, duration })),
    frames: [],
    profile: null,
  });

  it('passes when no run had a task over 200 ms', () => {
    const rows = longTaskRows([run([60, 190]), run([120])], 10_000);
    expect(rows.map((r) => r.pass)).toEqual([true, true, true]);
    expect(rows[0]?.p95).toBe(190);
  });

  it('fails when any run had one', () => {
    const rows = longTaskRows([run([60]), run([260, 210, 90])], 10_000);
    expect(rows[0]?.pass).toBe(false);
    expect(rows[1]?.p95).toBe(2);
    expect(rows[1]?.pass).toBe(false);
  });
});

describe('frameCauses', () => {
  it('sums script time by invoker and source, biggest first, over long frames only', () => {
    const frame = (duration: number, scripts: LongFrame['scripts']): LongFrame => ({
      startTime: 0,
      duration,
      blocking: duration - 50,
      scripts,
    });
    const script = (invoker: string, ms: number, forcedLayout = 0) => ({
      invoker,
      source: 'index.js',
      fn: '',
      duration: ms,
      forcedLayout,
    });
    const causes = frameCauses(
      [
        frame(300, [script('IDBRequest.onsuccess', 120), script('MessagePort.onmessage', 150, 30)]),
        frame(250, [script('IDBRequest.onsuccess', 200)]),
        frame(80, [script('TimerHandler:setTimeout', 70)]),
      ],
      200,
    );
    expect(causes).toEqual([
      '320 ms in 2× IDBRequest.onsuccess (index.js)',
      '150 ms in 1× MessagePort.onmessage (index.js), forced layout 30 ms',
    ]);
  });
});

describe('installRow', () => {
  it('passes only when every check passes, and names the failures', () => {
    expect(installRow([{ name: 'a', ok: true }]).pass).toBe(true);
    const row = installRow([
      { name: 'a', ok: true },
      { name: 'start_url loads offline', ok: false, detail: 'HTTP 504' },
    ]);
    expect(row.pass).toBe(false);
    expect(row.note).toContain('start_url loads offline (HTTP 504)');
  });
});
