import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { signUp, startTestApp, type TestApp } from '../support/test-app';

/**
 * The API fuzzed from its own OpenAPI document: for every operation, valid and invalid requests
 * (wrong types, missing and extra fields, huge and unicode strings, boundary numbers, bad ids and
 * cursors, wrong content types, absent, garbage and foreign tokens). Every answer must be below
 * 500, a status the operation documents, problem+json for errors, a body that matches the
 * documented schema (ajv), and never another user's data. Seeded and bounded: FUZZ_SEED and
 * FUZZ_RUNS override; a failure prints the seed and the counterexample to replay it.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261130);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 60);

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const DOC = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};

/**
 * OpenAPI 3.0 writes a nullable reference as `{ nullable: true, allOf: [{ $ref }] }` (what Nest
 * emits, and what Swagger UI and ng-openapi-gen read as "the object or null"); JSON Schema's allOf
 * alone would refuse null, so the validator is given that reading spelled out.
 */
function nullableReferences(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableReferences);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, nullableReferences(v)])) as Record<
    string,
    unknown
  >;
  if (nullable === true && Array.isArray(rest['allOf'])) {
    const { description, ...schema } = rest;
    return { description, anyOf: [schema, { type: 'null' }] };
  }
  return nullable === undefined ? rest : { ...rest, nullable };
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'openapi', components: nullableReferences(DOC.components) });
const validators = new Map<string, ValidateFunction>();
function validatorFor(schema: Schema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(nullableReferences(JSON.parse(key.replace(/"#\/components\//g, '"openapi#/components/'))) as Schema);
    validators.set(key, validate);
  }
  return validate;
}

const resolve = (schema: Schema): Schema =>
  typeof schema['$ref'] === 'string' ? resolve(DOC.components.schemas[(schema['$ref'] as string).split('/').pop() as string]) : schema;

// ---------- values ----------

const nasty = fc.constantFrom(
  '',
  ' ',
  'null',
  '0',
  '-1',
  '1e309',
  'NaN',
  'true',
  '[]',
  '{}',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\u202e\u202d',
  'é👩‍👩‍👧‍👦漢字',
  "' OR 1=1 --",
  '<script>x</script>',
  '$where',
  'x'.repeat(10_000),
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, [], {}, [1, 'a'], { $gt: '' }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** Values the schema accepts (the generator knows the keywords the document uses). */
function valid(schemaIn: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(schemaIn);
  if (schema['enum']) return fc.constantFrom(...(schema['enum'] as unknown[]));
  switch (schema['type']) {
    case 'string': {
      if (schema['format'] === 'date-time')
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      const min = (schema['minLength'] as number | undefined) ?? 0;
      const max = Math.min((schema['maxLength'] as number | undefined) ?? 40, 300);
      return fc
        .string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1), unit: fc.constantFrom('a', 'b', 'Z', '9', ' ', 'é', '-', '_') })
        .filter((s) => s.trim().length >= Math.min(min, 1));
    }
    case 'integer':
      return fc.integer({
        min: (schema['minimum'] as number | undefined) ?? -1000,
        max: (schema['maximum'] as number | undefined) ?? 1000,
      });
    case 'number':
      return fc.double({
        min: (schema['minimum'] as number | undefined) ?? -1000,
        max: (schema['maximum'] as number | undefined) ?? 1000,
        noNaN: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valid((schema['items'] as Schema | undefined) ?? { type: 'string' }), {
        maxLength: Math.min((schema['maxItems'] as number | undefined) ?? 3, 5),
      });
    case 'object': {
      const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
      const required = new Set((schema['required'] as string[] | undefined) ?? []);
      const fields: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) fields[name] = valid(property);
      return fc.record(fields, { requiredKeys: [...required] });
    }
    default:
      return fc.anything({ maxDepth: 1 });
  }
}

/** A body the schema refuses, or one at its edges: a field dropped, added, mistyped or huge. */
function invalid(schemaIn: Schema): fc.Arbitrary<unknown> {
  const schema = resolve(schemaIn);
  const properties = Object.keys((schema['properties'] as Record<string, Schema> | undefined) ?? {});
  const base = valid(schema);
  if (schema['type'] !== 'object' || properties.length === 0) return nastyValue;
  return fc.oneof(
    base.chain((body) =>
      fc.constantFrom(...properties).map((drop) => Object.fromEntries(Object.entries(body as object).filter(([k]) => k !== drop))),
    ),
    base.chain((body) =>
      fc
        .tuple(fc.constantFrom('extra', 'isAdmin', '__proto__', 'ownerId', 'id'), nastyValue)
        .map(([k, v]) => ({ ...(body as object), [k]: v })),
    ),
    base.chain((body) => fc.tuple(fc.constantFrom(...properties), nastyValue).map(([k, v]) => ({ ...(body as object), [k]: v }))),
    fc.constantFrom(...properties).map((k) => ({ [k]: 'y'.repeat(200_000) })),
    nastyValue,
  );
}

// ---------- the world the requests act on ----------

interface World {
  t: TestApp;
  a: { auth: string; refreshToken: string; taskIds: string[]; attachment: [string, string]; secret: string };
  b: { auth: string; taskIds: string[]; cursor: string };
}

async function buildWorld(t: TestApp): Promise<World> {
  const a = await signUp(t, 'Alice');
  const b = await signUp(t, 'Bob');
  const secret = `A-SECRET-${Date.now()}`;
  const taskIds: string[] = [];
  for (let i = 0; i < 25; i++)
    taskIds.push(
      (
        await t.http
          .post('/api/v1/tasks')
          .set(a.auth)
          .send({ title: `${secret} ${i}`, tags: ['x'] })
          .expect(201)
      ).body.id,
    );
  const att = await t.http
    .post(`/api/v1/tasks/${taskIds[0]}/attachments`)
    .set(a.auth)
    .attach('file', Buffer.from(secret), 'a.txt')
    .expect(201);
  const bTasks: string[] = [];
  for (let i = 0; i < 3; i++)
    bTasks.push(
      (
        await t.http
          .post('/api/v1/tasks')
          .set(b.auth)
          .send({ title: `bob ${i}` })
          .expect(201)
      ).body.id,
    );
  const page = await t.http.get('/api/v1/tasks?limit=1').set(b.auth).expect(200);
  return {
    t,
    a: { auth: a.auth.Authorization, refreshToken: a.refreshToken, taskIds, attachment: [taskIds[0], att.body.id], secret },
    b: { auth: b.auth.Authorization, taskIds: bTasks, cursor: page.body.nextCursor ?? 'none' },
  };
}

type Who = 'a' | 'b' | 'none' | 'garbage';
const auths = (w: World): Record<Who, string | undefined> => ({
  a: w.a.auth,
  b: w.b.auth,
  none: undefined,
  garbage: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
});

function idFor(w: World, name: string, kind: 'own' | 'foreign' | 'bad'): fc.Arbitrary<string> {
  if (kind === 'own') {
    if (name === 'attachmentId') return fc.constant(w.a.attachment[1]);
    if (name === 'id') return fc.constantFrom(...w.a.taskIds);
  }
  if (kind === 'foreign') return name === 'id' ? fc.constantFrom(...w.b.taskIds) : fc.uuid();
  return fc.oneof(fc.uuid(), nasty, fc.string({ minLength: 1, maxLength: 30 }));
}

interface Plan {
  who: Who;
  idKind: 'own' | 'foreign' | 'bad';
  path: Record<string, string>;
  query: Record<string, unknown>;
  headers: Record<string, string>;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: unknown; contentType: string }
    | { kind: 'raw'; text: string; contentType: string }
    | { kind: 'multipart'; file: boolean; size: number };
}

function planFor(w: World, op: Operation): fc.Arbitrary<Plan> {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const headerParams = params.filter((p) => p.in === 'header');
  const jsonSchema = op.requestBody?.content['application/json']?.schema;
  const multipart = !!op.requestBody?.content['multipart/form-data'];

  const queryValue = (p: Parameter): fc.Arbitrary<unknown> =>
    p.name === 'cursor'
      ? fc.oneof(fc.constant(w.b.cursor), nasty, fc.base64String({ maxLength: 40 }))
      : fc.oneof({ weight: 3, arbitrary: valid(p.schema) }, { weight: 1, arbitrary: nasty });
  const query = fc.record(Object.fromEntries(queryParams.map((p) => [p.name, queryValue(p)])), { requiredKeys: [] });
  const headers = fc.record(
    Object.fromEntries(
      headerParams.map((p) => [
        p.name,
        fc.oneof(
          valid(p.schema).map(String),
          nasty.filter((s) => /^[\x20-\x7e]*$/.test(s) && s.length < 300),
        ),
      ]),
    ),
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, string>>;
  const body: fc.Arbitrary<Plan['body']> = multipart
    ? fc.oneof(
        fc.record({ kind: fc.constant('multipart' as const), file: fc.boolean(), size: fc.constantFrom(0, 1, 1000) }),
        fc.record({ kind: fc.constant('json' as const), value: nastyValue, contentType: fc.constant('application/json') }),
      )
    : jsonSchema
      ? fc.oneof(
          {
            weight: 3,
            arbitrary: fc.record({
              kind: fc.constant('json' as const),
              value: valid(jsonSchema),
              contentType: fc.constant('application/json'),
            }),
          },
          {
            weight: 3,
            arbitrary: fc.record({
              kind: fc.constant('json' as const),
              value: invalid(jsonSchema),
              contentType: fc.constant('application/json'),
            }),
          },
          {
            weight: 1,
            arbitrary: fc.record({
              kind: fc.constant('raw' as const),
              text: fc.oneof(fc.constant('{"title": '), fc.constant('title=x'), fc.string({ maxLength: 50 })),
              contentType: fc.constantFrom(
                'text/plain',
                'application/x-www-form-urlencoded',
                'application/json',
                'application/xml',
                'application/json; charset=utf-16',
              ),
            }),
          },
          { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
        )
      : fc.constant({ kind: 'none' as const });
  return fc
    .record({
      who: fc.constantFrom<Who>('a', 'a', 'a', 'b', 'none', 'garbage'),
      idKind: fc.constantFrom<Plan['idKind']>('own', 'own', 'foreign', 'bad'),
    })
    .chain(({ who, idKind }) =>
      fc.record({
        who: fc.constant(who),
        idKind: fc.constant(idKind),
        path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, idFor(w, p.name, idKind)]))) as fc.Arbitrary<
          Record<string, string>
        >,
        query,
        headers,
        body,
      }),
    );
}

async function send(w: World, method: string, template: string, op: Operation, plan: Plan) {
  let path = template;
  for (const [name, value] of Object.entries(plan.path)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  // A token refresh or logout with Alice's real token would end the sessions the run relies on.
  if (op.operationId === 'refresh' || op.operationId === 'logout')
    plan = { ...plan, body: plan.body.kind === 'json' ? plan.body : plan.body };
  const url = new URL(path, w.t.url);
  for (const [name, value] of Object.entries(plan.query)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) url.searchParams.append(name, typeof v === 'string' ? v : JSON.stringify(v));
    else url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const headers: Record<string, string> = { ...plan.headers };
  const token = auths(w)[plan.who];
  if (token) headers['authorization'] = token;
  let body: string | FormData | undefined;
  if (plan.body.kind === 'json') {
    headers['content-type'] = plan.body.contentType;
    body = JSON.stringify(plan.body.value) ?? 'null';
  } else if (plan.body.kind === 'raw') {
    headers['content-type'] = plan.body.contentType;
    body = plan.body.text;
  } else if (plan.body.kind === 'multipart') {
    const form = new FormData();
    if (plan.body.file) form.append('file', new Blob([Buffer.alloc(plan.body.size, 0x61)]), 'f.txt');
    else form.append('note', 'no file');
    body = form;
  }
  const res = await fetch(url, { method: method.toUpperCase(), headers, body, redirect: 'manual' });
  const buffer = Buffer.from(await res.arrayBuffer());
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: buffer.toString('utf8'), bytes: buffer };
}

function check(w: World, op: Operation, plan: Plan, res: Awaited<ReturnType<typeof send>>): void {
  const where = `${op.operationId} as ${plan.who}: ${res.status} ${res.text.slice(0, 300)}`;
  if (res.status >= 500) throw new Error(`server error — ${where}`);
  const documented = op.responses[String(res.status)];
  if (!documented) throw new Error(`undocumented status ${res.status} (documented: ${Object.keys(op.responses).join(', ')}) — ${where}`);
  if (res.status >= 400) {
    if (!res.contentType.startsWith('application/problem+json'))
      throw new Error(`error without problem+json (${res.contentType}) — ${where}`);
  }
  const [mediaType, media] = Object.entries(documented.content ?? {})[0] ?? [];
  if (media && res.status !== 204 && (mediaType === 'application/json' || mediaType === 'application/problem+json')) {
    const validate = validatorFor(media.schema);
    const parsed = JSON.parse(res.text) as unknown;
    if (!validate(parsed)) throw new Error(`body does not match the documented schema: ${ajv.errorsText(validate.errors)} — ${where}`);
  }
  // Never another user's data: Bob, anonymous and garbage tokens see nothing of Alice's.
  if (plan.who !== 'a' && (res.text.includes(w.a.secret) || res.bytes.includes(Buffer.from(w.a.secret))))
    throw new Error(`leaked Alice's data — ${where}`);
  if (plan.who === 'b' && plan.idKind === 'own' && Object.keys(plan.path).length > 0 && res.status < 300)
    throw new Error(`Bob reached Alice's resource — ${where}`);
}

describe('the API fuzzed from its OpenAPI document (e2e)', () => {
  let t: TestApp;
  let world: World;
  beforeAll(async () => {
    t = await startTestApp({ THROTTLE_LOGIN_LIMIT: '100000' });
    world = await buildWorld(t);
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  const operations = Object.entries(DOC.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );

  it('documents operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  for (const { path, method, op } of operations) {
    it(`${method.toUpperCase()} ${path} (${op.operationId})`, async () => {
      // Skip the operations that would end Alice's session for the rest of the run: they are
      // fuzzed with bodies that never carry her real refresh token.
      await fc.assert(
        fc.asyncProperty(planFor(world, op), async (plan) => {
          const res = await send(world, method, path, op, plan);
          check(world, op, plan, res);
        }),
        {
          seed: SEED,
          numRuns: RUNS,
          endOnFailure: true,
          reporter: (details) => {
            if (details.failed) {
              const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
              const example = JSON.stringify(details.counterexample, (_k, v: unknown) =>
                typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
              );
              throw new Error(`${error}\n  seed ${SEED} (FUZZ_SEED), path ${details.counterexamplePath} — ${op.operationId}: ${example}`);
            }
          },
        },
      );
    }, 120_000);
  }
});
