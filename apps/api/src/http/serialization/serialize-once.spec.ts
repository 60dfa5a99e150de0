import Fastify, { type FastifyInstance } from 'fastify';
import { serializeOnce } from './serialize-once';

describe('serializeOnce', () => {
  let fastify: FastifyInstance;
  const shared = { title: 'first', secret: 'not in the schema' };

  beforeAll(async () => {
    fastify = Fastify();
    const schema = { response: { 200: { type: 'object', properties: { title: { type: 'string' } } } } };
    fastify.get('/shared', { schema }, (_request, reply) => serializeOnce(reply, shared));
    fastify.get('/fresh', { schema }, (_request, reply) => serializeOnce(reply, { title: 'fresh', secret: 'x' }));
    await fastify.ready();
  });

  afterAll(() => fastify.close());

  it("sends what the route's response schema makes of the body, as JSON", async () => {
    const res = await fastify.inject({ method: 'GET', url: '/fresh' });
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toBe('{"title":"fresh"}');
  });

  it('serializes the same object once: it is sent again as the same bytes', async () => {
    const first = await fastify.inject({ method: 'GET', url: '/shared' });
    expect(first.body).toBe('{"title":"first"}');
    // Response objects are never changed once built; this one is, only to show the bytes are kept.
    shared.title = 'changed';
    const again = await fastify.inject({ method: 'GET', url: '/shared' });
    expect(again.body).toBe('{"title":"first"}');
    expect(again.headers['content-length']).toBe(String('{"title":"first"}'.length));
  });
});
