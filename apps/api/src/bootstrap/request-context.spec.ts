import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { storage } from 'nestjs-pino/storage';
import { pino } from 'pino';
import { CorrelationContext } from '@primetrade/infrastructure';
import { bindRequestContext } from './request-context';

describe('bindRequestContext', () => {
  let fastify: FastifyInstance;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    fastify = Fastify({
      loggerInstance: logger as FastifyBaseLogger,
      genReqId: (req) => String(req.headers['x-correlation-id'] ?? 'none'),
    });
    bindRequestContext(fastify);
    // After the body is read and across awaits: what a Nest handler sees.
    fastify.post('/probe', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      storage.getStore()?.logger.info({ probe: true }, 'from the handler');
      return { correlationId: CorrelationContext.current(), body: request.body };
    });
    await fastify.ready();
  });

  afterAll(() => fastify.close());

  it("runs the handler in the request's correlation id and with its logger", async () => {
    const res = await fastify.inject({ method: 'POST', url: '/probe', headers: { 'x-correlation-id': 'ctx-1' }, payload: { a: 1 } });
    expect(res.json()).toEqual({ correlationId: 'ctx-1', body: { a: 1 } });
    expect(lines.find((line) => line['probe'])).toMatchObject({ reqId: 'ctx-1', msg: 'from the handler' });
  });

  it('keeps concurrent requests apart', async () => {
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((id) => fastify.inject({ method: 'POST', url: '/probe', headers: { 'x-correlation-id': id }, payload: {} })),
    );
    expect(answers.map((res) => res.json().correlationId)).toEqual(['a', 'b', 'c']);
  });

  it('leaves code outside a request without one', () => {
    expect(CorrelationContext.current()).toBe('');
    expect(storage.getStore()).toBeUndefined();
  });
});
