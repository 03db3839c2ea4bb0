import { decodeHlc, encodeHlc, initialHlc, isHlc, receive } from '../domain/sync/hlc';
import type { DeviceMeta } from './database';
import type { RepoDeps } from './deps';

/** This device's id, clock and mutation counter; created on first use (call inside a transaction). */
export async function loadDeviceMeta(deps: RepoDeps): Promise<DeviceMeta> {
  const existing = await deps.db.meta.get('device');
  if (existing) return existing;
  const clientId = deps.newId();
  return { key: 'device', clientId, hlc: encodeHlc(initialHlc(clientId)), seq: 0 };
}

/** The server has seen `remote`: move this device's clock past it (call inside a transaction). */
export async function observeServerClock(deps: RepoDeps, remote: string): Promise<void> {
  if (!isHlc(remote)) return;
  const meta = await loadDeviceMeta(deps);
  const next = receive(decodeHlc(meta.hlc), decodeHlc(remote), deps.now().getTime());
  await deps.db.meta.put({ ...meta, hlc: encodeHlc(next) });
}
