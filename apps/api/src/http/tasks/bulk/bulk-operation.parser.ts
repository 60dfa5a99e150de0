import { BULK_TASK_OPERATIONS, type BulkTaskOperation, type BulkTaskOperationKind, type FieldViolation } from '@primetrade/domain';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { HttpProblemException } from '../../problem/http-problem.exception';
import { flatten } from '../../problem/validation.pipe';
import { parseIfMatch } from '../etag';
import { CreateTaskRequestDto, UpdateTaskRequestDto } from '../task.dto';

export type ParsedOperation = { ok: true; operation: BulkTaskOperation } | { ok: false; problem: HttpProblemException };

const FIELDS: Record<BulkTaskOperationKind, readonly string[]> = {
  create: ['op', 'task'],
  update: ['op', 'id', 'ifMatch', 'changes'],
  complete: ['op', 'id', 'ifMatch'],
  reopen: ['op', 'id', 'ifMatch'],
  delete: ['op', 'id', 'ifMatch'],
};

const isKind = (value: unknown): value is BulkTaskOperationKind => BULK_TASK_OPERATIONS.includes(value as BulkTaskOperationKind);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One operation checked as its single route checks its request: the same DTO and rules for the
 * body (400 with field errors, paths under `task.` / `changes.`), If-Match read as the header is
 * (a malformed one is a 412, as there).
 */
export async function parseBulkOperation(raw: Record<string, unknown>): Promise<ParsedOperation> {
  const { op } = raw;
  if (!isKind(op)) return invalid([{ field: 'op', message: `op must be one of: ${BULK_TASK_OPERATIONS.join(', ')}` }]);
  const violations: FieldViolation[] = Object.keys(raw)
    .filter((key) => !FIELDS[op].includes(key))
    .map((key) => ({ field: key, message: `property ${key} should not exist for ${op}` }));

  if (op === 'create') {
    const task = await body(CreateTaskRequestDto, raw.task, 'task', violations);
    return violations.length > 0 || !task ? invalid(violations) : { ok: true, operation: { op, task } };
  }
  const { id } = raw;
  if (typeof id !== 'string' || id.length === 0 || id.length > 128) violations.push({ field: 'id', message: 'id must be a task id' });
  const changes = op === 'update' ? await body(UpdateTaskRequestDto, raw.changes, 'changes', violations) : undefined;
  if (raw.ifMatch !== undefined && typeof raw.ifMatch !== 'string' && !isVersion(raw.ifMatch)) {
    violations.push({ field: 'ifMatch', message: 'ifMatch must be an ETag such as "3" or a version number' });
  }
  if (violations.length > 0) return invalid(violations);
  let ifMatch: number | undefined;
  try {
    ifMatch = typeof raw.ifMatch === 'number' ? raw.ifMatch : parseIfMatch(raw.ifMatch as string | undefined);
  } catch (error) {
    if (error instanceof HttpProblemException) return { ok: false, problem: error };
    throw error;
  }
  const target = id as string;
  return { ok: true, operation: op === 'update' ? { op, id: target, changes: changes ?? {}, ifMatch } : { op, id: target, ifMatch } };
}

const isVersion = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const invalid = (violations: FieldViolation[]): ParsedOperation => ({
  ok: false,
  problem: new HttpProblemException(400, 'VALIDATION', 'The operation is not valid.', violations),
});

/** The request body of the single route, validated as the app's validation pipe does it. */
async function body<T extends object>(
  dto: new () => T,
  value: unknown,
  field: string,
  violations: FieldViolation[],
): Promise<T | undefined> {
  if (!isObject(value)) {
    violations.push({ field, message: `${field} must be an object` });
    return undefined;
  }
  const instance = plainToInstance(dto, value);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  violations.push(...flatten(errors, field));
  return instance;
}
