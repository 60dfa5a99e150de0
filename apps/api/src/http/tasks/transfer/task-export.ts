import { Readable } from 'node:stream';
import type { TaskView } from '@primetrade/domain';
import { stringify } from 'csv-stringify';
import { jsonArray } from '../../streaming/json-array';
import { neutraliseFormula } from './spreadsheet-safe';

/** The columns of an export, in order; import reads the same names (and ignores the read-only ones). */
export const EXPORT_COLUMNS = [
  'id',
  'title',
  'description',
  'status',
  'priority',
  'dueDate',
  'tags',
  'createdAt',
  'updatedAt',
  'completedAt',
  'recurrenceRule',
  'recurrenceTimeZone',
] as const;
/** Tags in one CSV cell: `home;work`. */
export const TAG_SEPARATOR = ';';

type ExportRecord = Record<(typeof EXPORT_COLUMNS)[number], string | string[] | null>;

function toRecord(task: TaskView): ExportRecord {
  return {
    id: task.id,
    title: task.title,
    description: task.description,
    status: task.status,
    priority: task.priority,
    dueDate: task.dueDate?.toISOString() ?? null,
    tags: [...task.tags],
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    recurrenceRule: task.recurrence?.rule ?? null,
    recurrenceTimeZone: task.recurrence?.timeZone ?? null,
  };
}

/** RFC 4180 CSV (CRLF, quoted where needed) with a header row; formula-like cells neutralised. */
export function csvExport(tasks: AsyncIterable<TaskView>): Readable {
  const csv = stringify({
    header: true,
    columns: [...EXPORT_COLUMNS],
    record_delimiter: 'windows',
    cast: { string: (value) => neutraliseFormula(value) },
  });
  return Readable.from(
    (async function* rows() {
      for await (const task of tasks) {
        const record = toRecord(task);
        yield { ...record, tags: (record.tags as string[]).join(TAG_SEPARATOR) };
      }
    })(),
  ).pipe(csv);
}

/** A JSON array written one task at a time. */
export function jsonExport(tasks: AsyncIterable<TaskView>): Readable {
  return jsonArray(tasks, toRecord);
}
