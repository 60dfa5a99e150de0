import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TaskPageDto, TaskResponseDto, TaskStatsResponseDto, TaskTimelineResponseDto } from '../tasks/task.dto';
import { responseSchemaOf } from './response-schema';

type Schema = { type?: unknown; properties?: Record<string, Schema>; items?: Schema; $ref?: string; nullable?: boolean; allOf?: Schema[] };

const document = JSON.parse(readFileSync(join(__dirname, '../../../openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, Schema> };
};

/** The OpenAPI schema of a component with its $refs resolved, as the serialiser's JSON schema would say it. */
function fromDocument(schema: Schema): Schema {
  const ref = schema.$ref ?? schema.allOf?.[0]?.$ref;
  if (ref) {
    const target = fromDocument(document.components.schemas[ref.split('/').pop()!]);
    // A nullable reference (`nullable` beside `allOf`) is the object or null.
    return schema.nullable ? { ...target, type: [target.type, 'null'] } : target;
  }
  const nullable = (type: unknown) => (schema.nullable ? [type, 'null'] : type);
  if (schema.type === 'array') return { type: nullable('array'), items: fromDocument(schema.items!) };
  if (schema.properties) {
    const properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, fromDocument(v)]));
    return { type: nullable('object'), properties };
  }
  return { type: nullable(schema.type) };
}

describe('response schemas from the Swagger DTO metadata', () => {
  for (const dto of [TaskResponseDto, TaskPageDto, TaskStatsResponseDto, TaskTimelineResponseDto]) {
    it(`serialises ${dto.name} exactly as the OpenAPI document describes it`, () => {
      expect(responseSchemaOf(dto)).toEqual(fromDocument(document.components.schemas[dto.name]));
    });
  }

  it('refuses a DTO without metadata instead of sending everything', () => {
    class Bare {}
    expect(() => responseSchemaOf(Bare)).toThrow(/no @ApiProperty/);
  });
});
