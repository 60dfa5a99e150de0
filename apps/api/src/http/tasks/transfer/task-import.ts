import { type ImportRow, TASK_PRIORITIES, TASK_STATUSES, type TaskPriority, type TaskStatus } from '@primetrade/domain';
import { parse } from 'csv-parse/sync';
import { restoreFormula } from './spreadsheet-safe';
import { TAG_SEPARATOR } from './task-export';

/** Most rows one import takes (the file size limit comes first for long rows). */
export const IMPORT_MAX_ROWS = 20_000;

export class ImportFileError extends Error {}

type Cell = string | string[] | null | undefined;

/** Reads a CSV file (header row first; the columns of an export) into rows, numbered as a spreadsheet shows them. */
export function readCsvImport(content: Buffer): ImportRow[] {
  let records: Record<string, string>[];
  try {
    records = parse(content, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, trim: false });
  } catch (error) {
    throw new ImportFileError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length > IMPORT_MAX_ROWS) throw new ImportFileError(`At most ${IMPORT_MAX_ROWS} rows per import.`);
  return records.map((record, i) =>
    toImportRow(i + 2, (column) => {
      const cell = record[column];
      return cell === undefined || cell === '' ? undefined : restoreFormula(cell);
    }),
  );
}

/** Reads a JSON file: an array of task objects (the shape of a JSON export). */
export function readJsonImport(content: Buffer): ImportRow[] {
  let records: unknown;
  try {
    records = JSON.parse(content.toString('utf8'));
  } catch {
    throw new ImportFileError('The file is not valid JSON.');
  }
  if (!Array.isArray(records)) throw new ImportFileError('A JSON import is an array of tasks.');
  if (records.length > IMPORT_MAX_ROWS) throw new ImportFileError(`At most ${IMPORT_MAX_ROWS} rows per import.`);
  return records.map((record, i) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      return { row: i + 1, problems: [{ field: 'row', message: 'must be an object' }] };
    }
    const fields = record as Record<string, unknown>;
    return toImportRow(i + 1, (column) => {
      const value = fields[column];
      if (value === null || value === undefined) return undefined;
      return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value : JSON.stringify(value);
    });
  });
}

function toImportRow(row: number, cell: (column: string) => Cell): ImportRow {
  const problems: { field: string; message: string }[] = [];
  const text = (column: string): string | undefined => {
    const value = cell(column);
    if (Array.isArray(value)) problems.push({ field: column, message: 'must be text' });
    return typeof value === 'string' ? value : undefined;
  };
  const status = text('status');
  if (status !== undefined && !TASK_STATUSES.includes(status as TaskStatus))
    problems.push({ field: 'status', message: `must be one of ${TASK_STATUSES.join(', ')}` });
  const priority = text('priority');
  if (priority !== undefined && !TASK_PRIORITIES.includes(priority as TaskPriority)) {
    problems.push({ field: 'priority', message: `must be one of ${TASK_PRIORITIES.join(', ')}` });
  }
  const due = text('dueDate');
  const dueDate = due === undefined ? undefined : new Date(due);
  if (dueDate && Number.isNaN(dueDate.getTime())) problems.push({ field: 'dueDate', message: 'must be an ISO 8601 date-time' });
  const tagCell = cell('tags');
  const tags = Array.isArray(tagCell) ? tagCell : tagCell ? tagCell.split(TAG_SEPARATOR).filter((t) => t !== '') : undefined;
  const rule = text('recurrenceRule');
  const timeZone = text('recurrenceTimeZone');
  if (rule !== undefined && timeZone === undefined)
    problems.push({ field: 'recurrenceTimeZone', message: 'is needed with recurrenceRule' });
  if (problems.length) return { row, problems };
  // A completed or cancelled occurrence is history: it comes back as it is, not as a series that
  // would make its next occurrence again (the open occurrence in the same file carries the series).
  const open = status === undefined || status === 'todo' || status === 'in_progress';
  return {
    row,
    task: {
      title: text('title') ?? '',
      description: text('description'),
      status: status as TaskStatus | undefined,
      priority: priority as TaskPriority | undefined,
      dueDate,
      tags,
      ...(rule !== undefined && timeZone !== undefined && open ? { recurrence: { rule, timeZone } } : {}),
    },
  };
}
