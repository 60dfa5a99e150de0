import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { type WebhookMessage, WebhookSender, type WebhookSendResult } from '@primetrade/domain';
import { webhookHeaders } from './webhook-signature';
import { type AddressCheckSettings, AddressRefusedError, checkedAddresses, type ResolvedAddress } from './webhook-resolver';

export interface WebhookSenderSettings extends AddressCheckSettings {
  /** The whole attempt — connect, send, answer, bounded read — ends after this (5 s). */
  timeoutMs: number;
  /** At most this much of the answer is read (the status is what counts). */
  maxResponseBytes: number;
}

export const WEBHOOK_USER_AGENT = 'Primetrade-Webhooks/1.0 (+https://www.standardwebhooks.com/)';

/**
 * POSTs a signed message with node:http(s), once. Against DNS rebinding the host is resolved and
 * checked here, and the socket connects to the checked address (the request's `lookup` hands it
 * over; TLS still verifies the certificate against the URL's host name). Redirects are answers,
 * not followed; a slow endpoint is cut at the deadline; the answer is read to a small bound.
 */
export class HttpWebhookSender extends WebhookSender {
  constructor(private readonly settings: WebhookSenderSettings) {
    super();
  }

  async send(message: WebhookMessage): Promise<WebhookSendResult> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const url = new URL(message.url);
    let target: ResolvedAddress;
    try {
      [target] = (await checkedAddresses(url.hostname, this.settings)) as [ResolvedAddress];
    } catch (error) {
      if (error instanceof AddressRefusedError) return { kind: 'refused', durationMs: elapsed(), error: error.message };
      return { kind: 'network', durationMs: elapsed(), error: `${url.hostname} does not resolve` };
    }
    const body = Buffer.from(message.body, 'utf8');
    const headers = {
      ...webhookHeaders(message.secret, message.id, message.timestamp, message.body),
      'content-type': 'application/json',
      'content-length': String(body.length),
      'user-agent': WEBHOOK_USER_AGENT,
    };
    // Only the checked address is ever connected to, whatever a second resolution would say.
    const lookup: LookupFunction = (_hostname, options, callback) => {
      if (options.all) (callback as (e: null, a: ResolvedAddress[]) => void)(null, [target]);
      else callback(null, target.address, target.family);
    };
    return new Promise<WebhookSendResult>((resolve) => {
      let settled = false;
      const settle = (result: WebhookSendResult) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        req.destroy();
        resolve(result);
      };
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(url, { method: 'POST', headers, lookup, agent: false }, (res: IncomingMessage) => {
        const statusCode = res.statusCode ?? 0;
        let read = 0;
        res.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read >= this.settings.maxResponseBytes) settle({ kind: 'response', statusCode, durationMs: elapsed() });
        });
        res.on('end', () => settle({ kind: 'response', statusCode, durationMs: elapsed() }));
        res.on('error', () => settle({ kind: 'response', statusCode, durationMs: elapsed() }));
      });
      const deadline = setTimeout(
        () => settle({ kind: 'timeout', durationMs: elapsed(), error: `no answer within ${this.settings.timeoutMs} ms` }),
        this.settings.timeoutMs,
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        settle({ kind: 'network', durationMs: elapsed(), error: error.code ?? error.message }),
      );
      req.end(body);
    });
  }
}
