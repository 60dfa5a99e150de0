/**
 * A DTO may offer a hand-written parser for the inputs it sees on every request (query strings of
 * hot routes): it returns the instance class-transformer and class-validator would have produced,
 * or `undefined` whenever it is not sure — then the validation pipe takes its usual road, so errors
 * (and every unusual input) are handled exactly as before. Tests hold the two roads to the same result.
 */
export const FAST_PARSE = Symbol('primetrade.fast-parse');

export interface FastParsed<T> {
  [FAST_PARSE](value: unknown): T | undefined;
}

export function fastParserOf(metatype: unknown): ((value: unknown) => unknown) | undefined {
  const parse = (metatype as Partial<FastParsed<unknown>> | undefined)?.[FAST_PARSE];
  return typeof parse === 'function' ? parse.bind(metatype) : undefined;
}

/**
 * A parsed query string: a plain object, or the null-prototype objects Fastify's query parser
 * (fast-querystring) builds; only own keys are read. Anything else goes the pipe's usual road.
 */
export function isPlainQuery(value: unknown): value is Record<string, string | string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}
