import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/** Bodies up to this size are read to their end before an error is answered. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;

/**
 * Most HTTP clients (Node's fetch among them) send the whole body without waiting for
 * `100 Continue`. When the server answers an error (413 above all) before reading the body and
 * then closes the connection, the unread bytes make the kernel reset it, and the client sees
 * EPIPE or ECONNRESET instead of the answer. So an error answer waits until the rest of the
 * body has been read and discarded — bounded in bytes and time; a body announced larger than
 * the bound is answered at once (the client may then see the reset, but is not read for long).
 */
export function drainRefusedBodies(fastify: FastifyInstance): void {
  // Callback style: most answers pass straight through, without a promise per request.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const raw = request.raw;
    if (reply.statusCode < 400 || raw.complete || raw.destroyed) return done(null, payload);
    const announced = Number(raw.headers['content-length']);
    if (announced > DRAIN_MAX_BYTES) return done(null, payload);
    void drain(raw).then(() => done(null, payload));
  });
}

function drain(raw: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData);
      raw.off('end', finish);
      raw.off('close', finish);
      raw.off('error', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > DRAIN_MAX_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_MAX_MS);
    raw.on('data', onData);
    raw.once('end', finish);
    raw.once('close', finish);
    raw.once('error', finish);
    raw.resume();
  });
}
