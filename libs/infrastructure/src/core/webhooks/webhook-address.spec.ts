import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookUrlRefusedError } from '@primetrade/domain';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import { DnsWebhookAddressGuard } from './dns-webhook-address.guard';
import { HttpWebhookSender } from './http-webhook.sender';
import { refusalOf } from './webhook-address-policy';
import type { ResolvedAddress, WebhookResolver } from './webhook-resolver';
import { RandomWebhookSecrets, signWebhook } from './webhook-signature';

/**
 * Stubbed DNS: names map to whatever address a test needs, and nothing here ever connects to an
 * address outside 127.0.0.0/8 (the refused ranges are refused before any socket exists).
 */
function stubResolver(table: Record<string, string[]>): WebhookResolver & { asked: string[] } {
  const asked: string[] = [];
  const resolve = async (hostname: string): Promise<ResolvedAddress[]> => {
    asked.push(hostname);
    const addresses = table[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return Object.assign(resolve, { asked });
}

const REFUSED = [
  '127.0.0.1',
  '10.0.0.1',
  '172.16.5.4',
  '192.168.1.20',
  '169.254.169.254',
  '100.64.0.1',
  '0.0.0.0',
  '224.0.0.1',
  '255.255.255.255',
  '::1',
  '::',
  'fe80::1',
  'fd00:ec2::254',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:10.0.0.1',
  '64:ff9b::a00:1',
  '2002:a00:1::1',
];

describe('webhook address policy (ipaddr.js ranges)', () => {
  it.each(REFUSED)('refuses %s', (address) => expect(refusalOf(address)).toEqual(expect.any(String)));
  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34'])('lets public %s through', (address) =>
    expect(refusalOf(address)).toBeNull(),
  );
});

describe('DnsWebhookAddressGuard (stubbed resolver, no traffic)', () => {
  const resolve = stubResolver({
    'hooks.example.com': ['93.184.216.34'],
    'internal.example.com': ['192.168.10.7'],
    'mixed.example.com': ['93.184.216.34', '10.1.2.3'],
    'metadata.example.com': ['169.254.169.254'],
    'v6-metadata.example.com': ['fd00:ec2::254'],
  });
  const guard = new DnsWebhookAddressGuard({ allowPrivateNetworks: false, requireHttps: false, resolve });

  it('lets a name resolving to a public address through', async () => {
    await expect(guard.check('https://hooks.example.com/in')).resolves.toBeUndefined();
  });

  it.each([
    ['http://10.0.0.1/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /linkLocal/],
    ['http://[::ffff:127.0.0.1]/', /loopback/],
    ['http://[fd00:ec2::254]/', /uniqueLocal/],
    ['http://100.64.1.1/', /carrierGradeNat/],
    ['https://internal.example.com/', /internal\.example\.com resolves to .*private/],
    ['https://mixed.example.com/', /private/],
    ['https://metadata.example.com/', /linkLocal/],
    ['https://v6-metadata.example.com/', /uniqueLocal/],
    ['https://nowhere.example.com/', /does not resolve/],
  ])('refuses %s', async (url, reason) => {
    const error = await guard.check(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookUrlRefusedError);
    expect((error as Error).message).toMatch(reason);
  });

  it('requires https in production', async () => {
    const production = new DnsWebhookAddressGuard({ allowPrivateNetworks: false, requireHttps: true, resolve });
    await expect(production.check('http://hooks.example.com/')).rejects.toThrow(/only https/);
    await expect(production.check('https://hooks.example.com/')).resolves.toBeUndefined();
  });

  it('lets private addresses through only when allowed', async () => {
    const dev = new DnsWebhookAddressGuard({ allowPrivateNetworks: true, requireHttps: false, resolve });
    await expect(dev.check('http://10.0.0.1/')).resolves.toBeUndefined();
    await expect(dev.check('https://internal.example.com/')).resolves.toBeUndefined();
  });
});

describe('HttpWebhookSender', () => {
  let server: Server;
  let port = 0;
  const hits: { url: string; headers: Record<string, unknown>; body: string }[] = [];
  let handler: (url: string, res: import('node:http').ServerResponse) => void = (_u, res) => res.writeHead(204).end();

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hits.push({ url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() });
        handler(req.url ?? '', res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  beforeEach(() => {
    hits.length = 0;
    handler = (_u, res) => res.writeHead(204).end();
  });

  const secret = new RandomWebhookSecrets().newSecret();
  const message = (url: string) => ({ url, id: 'msg_1', timestamp: new Date(), body: '{"type":"ping","timestamp":"x","data":{}}', secret });
  const sender = (resolve: WebhookResolver, allowPrivateNetworks: boolean, timeoutMs = 5000) =>
    new HttpWebhookSender({ allowPrivateNetworks, resolve, timeoutMs, maxResponseBytes: 4096 });

  it('signs as the Standard Webhooks library expects', async () => {
    const result = await sender(stubResolver({}), true).send(message(`http://127.0.0.1:${port}/in`));
    expect(result).toEqual({ kind: 'response', statusCode: 204, durationMs: expect.any(Number) });
    const [hit] = hits;
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(hit.headers['webhook-timestamp']),
      'webhook-signature': String(hit.headers['webhook-signature']),
    };
    expect(new StandardWebhook(secret).verify(hit.body, headers)).toEqual({ type: 'ping', timestamp: 'x', data: {} });
    expect(signWebhook(secret, 'msg_1', Number(headers['webhook-timestamp']), hit.body)).toBe(headers['webhook-signature']);
  });

  it('connects to the address it checked, resolving once (DNS rebinding)', async () => {
    // A name whose second answer differs: only the first, checked one is ever connected to
    // (the receiver listens on 127.0.0.1 only; 127.0.0.2 would refuse the connection).
    let calls = 0;
    const rebinding: WebhookResolver = async () => [{ address: calls++ === 0 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
    const allowed = await sender(rebinding, true).send(message(`http://rebind.test:${port}/in`));
    expect(allowed).toMatchObject({ kind: 'response', statusCode: 204 });
    expect(calls).toBe(1);
    expect(hits[0].headers['host']).toBe(`rebind.test:${port}`);
    // With private networks not allowed, a name answering loopback is refused and nothing arrives.
    const refused = await sender(stubResolver({ 'rebind.example.com': ['127.0.0.1'] }), false).send(
      message(`http://rebind.example.com:${port}/in`),
    );
    expect(refused).toMatchObject({ kind: 'refused', error: expect.stringMatching(/loopback/) });
    expect(hits).toHaveLength(1);
  });

  it.each(['10.0.0.1', '169.254.169.254', '::ffff:127.0.0.1', '192.168.4.2'])(
    'refuses a name resolving to %s before any connection',
    async (address) => {
      const resolve = stubResolver({ 'evil.example.com': [address] });
      const result = await sender(resolve, false).send(message('http://evil.example.com/in'));
      expect(result).toMatchObject({ kind: 'refused' });
      expect(resolve.asked).toEqual(['evil.example.com']);
    },
  );

  it('does not follow redirects', async () => {
    handler = (url, res) =>
      url === '/in' ? res.writeHead(302, { location: `http://127.0.0.1:${port}/elsewhere` }).end() : res.writeHead(200).end();
    expect(await sender(stubResolver({}), true).send(message(`http://127.0.0.1:${port}/in`))).toMatchObject({
      kind: 'response',
      statusCode: 302,
    });
    expect(hits.map((h) => h.url)).toEqual(['/in']);
  });

  it('gives up on a slow endpoint at the deadline', async () => {
    handler = () => undefined; // never answers
    const started = Date.now();
    const result = await sender(stubResolver({}), true, 300).send(message(`http://127.0.0.1:${port}/in`));
    expect(result).toMatchObject({ kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reads an answer only to its bound', async () => {
    handler = (_u, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (res.write(chunk)) {
          /* keep writing until the socket pushes back or is closed */
        }
      };
      res.on('drain', pump);
      res.on('close', () => res.removeAllListeners('drain'));
      pump();
    };
    const result = await sender(stubResolver({}), true, 3000).send(message(`http://127.0.0.1:${port}/in`));
    expect(result).toMatchObject({ kind: 'response', statusCode: 200 });
  });

  it('reports a refused connection as a network error (retried)', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    expect(await sender(stubResolver({}), true).send(message(`http://127.0.0.1:${freePort}/in`))).toMatchObject({
      kind: 'network',
      error: 'ECONNREFUSED',
    });
  });
});

describe('RandomWebhookSecrets', () => {
  it('makes whsec_ secrets of 32 random bytes', () => {
    const secrets = new RandomWebhookSecrets();
    const [a, b] = [secrets.newSecret(), secrets.newSecret()];
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(32);
    expect(a).not.toBe(b);
  });
});
