// The metadata keys @ApiProperty writes (@nestjs/swagger's DECORATORS, not exported from its entry point).
const DECORATORS = {
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
} as const;

type JsonSchema = Record<string, unknown>;
type Dto = abstract new (...args: never[]) => unknown;

interface PropertyMetadata {
  type?: unknown;
  isArray?: boolean;
  nullable?: boolean;
}

const SCALARS = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  ['string', 'string'],
  ['number', 'number'],
  ['integer', 'integer'],
  ['boolean', 'boolean'],
]);

/**
 * The JSON schema of a response DTO for Fastify's serialiser (fast-json-stringify), read from the
 * same @ApiProperty metadata Swagger turns into the OpenAPI document, so the two cannot disagree:
 * a property missing from the DTO is neither documented nor sent. Properties are not `required`
 * here: a serialiser must not turn a missing field into a 500 (the OpenAPI document states them).
 */
export function responseSchemaOf(dto: Dto): JsonSchema {
  const prototype = dto.prototype as object;
  const names = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, prototype) as string[] | undefined) ?? [];
  if (names.length === 0) throw new Error(`${dto.name} has no @ApiProperty metadata`);
  const properties: Record<string, JsonSchema> = {};
  for (const name of names.map((n) => n.replace(/^:/, ''))) {
    const meta = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, prototype, name) ?? {}) as PropertyMetadata;
    const type = meta.type ?? Reflect.getMetadata('design:type', prototype, name);
    let schema: JsonSchema;
    const scalar = SCALARS.get(type);
    if (scalar) schema = { type: scalar };
    else if (typeof type === 'function' && type !== Object && type !== Array) schema = responseSchemaOf(type as Dto);
    else throw new Error(`${dto.name}.${name}: declare its type in @ApiProperty`);
    if (meta.isArray) schema = { type: 'array', items: schema };
    if (meta.nullable) schema = { ...schema, type: [schema['type'], 'null'] };
    properties[name] = schema;
  }
  return { type: 'object', properties };
}
