import { Command } from '@nestjs/cqrs';
import type { FieldViolation } from '../../../../shared/model/domain.errors';
import type { TaskStatus } from '../../../model/task-status';
import type { NewTask } from '../create-task/create-task.command';

/** One row of an import file, as the edge read it: a task to create, or what was wrong with it. */
export interface ImportRow {
  /** 1-based, as a spreadsheet shows it (the header of a CSV file is row 1). */
  row: number;
  task?: Omit<NewTask, 'status'> & { status?: TaskStatus };
  /** Problems found while reading the row (a date that is not a date, …). */
  problems?: FieldViolation[];
}

export interface ImportProblem {
  row: number;
  field: string;
  problem: string;
}

export interface ImportReport {
  dryRun: boolean;
  /** Rows imported (or, in a dry run, that would be). */
  imported: number;
  /** Rows refused, with the field and what was wrong; every other row was imported. */
  failed: ImportProblem[];
}

/** Imports tasks row by row; the rows that fail are reported, the rest imported. */
export class ImportTasksCommand extends Command<ImportReport> {
  constructor(
    readonly ownerId: string,
    readonly rows: readonly ImportRow[],
    readonly dryRun: boolean,
  ) {
    super();
  }
}
