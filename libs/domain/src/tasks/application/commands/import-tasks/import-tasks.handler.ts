import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../../shared/model/domain.errors';
import { Clock } from '../../../../shared/ports/clock.port';
import { Task } from '../../../model/task.entity';
import { OPEN_TASK_STATUSES, type TaskStatus } from '../../../model/task-status';
import { CompleteTaskCommand } from '../complete-task/complete-task.command';
import { CreateTaskCommand } from '../create-task/create-task.command';
import { UpdateTaskCommand } from '../update-task/update-task.command';
import { type ImportProblem, type ImportReport, type ImportRow, ImportTasksCommand } from './import-tasks.command';

/**
 * Each valid row goes through the same commands as the single routes (so events, statistics and
 * the outbox behave alike); a completed or cancelled task is created open, then moved there. A
 * dry run only validates.
 */
@CommandHandler(ImportTasksCommand)
export class ImportTasksHandler implements ICommandHandler<ImportTasksCommand> {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  async execute({ ownerId, rows, dryRun }: ImportTasksCommand): Promise<ImportReport> {
    const failed: ImportProblem[] = [];
    let imported = 0;
    for (const row of rows) {
      const problems = row.problems?.length ? row.problems : this.validate(ownerId, row);
      if (problems.length > 0 || !row.task) {
        failed.push(...problems.map((p) => ({ row: row.row, field: p.field, problem: p.message })));
        continue;
      }
      if (!dryRun) await this.create(ownerId, row.task);
      imported++;
    }
    return { dryRun, imported, failed };
  }

  private validate(ownerId: string, row: ImportRow): { field: string; message: string }[] {
    if (!row.task) return [{ field: 'row', message: 'is empty' }];
    const { status, ...fields } = row.task;
    try {
      Task.create({ ...fields, status: openStatus(status), id: 'validation', ownerId, now: this.clock.now() });
      return [];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return error.violations.length ? [...error.violations] : [{ field: 'row', message: error.message }];
    }
  }

  private async create(ownerId: string, task: NonNullable<ImportRow['task']>): Promise<void> {
    const { status, ...fields } = task;
    const created = await this.commands.execute(new CreateTaskCommand(ownerId, { ...fields, status: openStatus(status) }));
    if (status === 'completed') await this.commands.execute(new CompleteTaskCommand(ownerId, created.id));
    if (status === 'cancelled') await this.commands.execute(new UpdateTaskCommand(ownerId, created.id, { status }));
  }
}

/** A task starts open: its own status when that is open, else `todo` until it is moved. */
const openStatus = (status: TaskStatus | undefined): TaskStatus | undefined =>
  status === undefined || OPEN_TASK_STATUSES.includes(status) ? status : 'todo';
