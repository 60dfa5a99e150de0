import type { FastifyReply } from 'fastify';

const serialized = new WeakMap<object, string>();

/**
 * Has Fastify send `body` as the JSON the route's response schema made of it the first time this
 * very object was sent: a response served again (a cached page's, the same object) skips
 * fast-json-stringify, the largest cost left in it. The same serializer makes the same bytes, so
 * the document and the answer still cannot disagree. For response objects never changed once built.
 */
export function serializeOnce<T extends object>(reply: FastifyReply, body: T): T {
  let json = serialized.get(body);
  // A route's schema serializer (fast-json-stringify) makes a string.
  if (json === undefined) serialized.set(body, (json = reply.serialize(body) as string));
  const bytes = json;
  // With a serializer of its own a reply gets no content type from Fastify: the one it would set.
  void reply.type('application/json; charset=utf-8').serializer(() => bytes);
  return body;
}
