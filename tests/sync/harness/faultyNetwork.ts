import type { SimServer } from './simServer';

export type Fault = 'ok' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'hold' | 'restartAfter';

interface Held {
  url: string;
  init: RequestInit | undefined;
}

/**
 * A fetch that reaches the in-process server and misbehaves on purpose: requests lost before
 * the server, responses lost after it applied them, requests delivered twice, requests held
 * back and delivered later (out of order), and a server restart right after a request.
 */
export class FaultyNetwork {
  private faults: Fault[] = [];
  private held: Held[] = [];
  requests = 0;

  constructor(private readonly server: SimServer) {}

  /** Faults for the next requests, in order; when used up, requests go through. */
  plan(faults: Fault[]): void {
    this.faults = [...faults];
  }

  private async deliver(url: string, init: RequestInit | undefined): Promise<Response> {
    this.requests += 1;
    const path = url.replace(/^https?:\/\/[^/]+/, '');
    const res = await this.server.app.inject({
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      url: path,
      headers: {
        ...(init?.headers as Record<string, string> | undefined),
        authorization: `Bearer ${this.server.token}`,
      },
      payload: typeof init?.body === 'string' ? init.body : undefined,
    });
    return new Response(res.statusCode === 204 ? null : res.body, {
      status: res.statusCode,
      headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
    });
  }

  readonly fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const fault = this.faults.shift() ?? 'ok';
    switch (fault) {
      case 'ok':
        return this.deliver(url, init);
      case 'dropRequest':
        throw new TypeError('network: request lost');
      case 'dropResponse':
        await this.deliver(url, init);
        throw new TypeError('network: response lost');
      case 'duplicate':
        await this.deliver(url, init);
        return this.deliver(url, init);
      case 'hold':
        this.held.push({ url, init });
        throw new TypeError('network: timed out');
      case 'restartAfter': {
        const res = await this.deliver(url, init);
        await this.server.restart();
        return res;
      }
    }
  };

  /** Late delivery of held-back requests, e.g. after the client already retried. */
  async releaseHeld(): Promise<void> {
    const held = this.held;
    this.held = [];
    for (const h of held.reverse()) await this.deliver(h.url, h.init);
  }
}
