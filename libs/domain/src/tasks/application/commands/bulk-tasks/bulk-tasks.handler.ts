import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, DomainValidationError } from '../../../../shared/model/domain.errors';
import { Clock } from '../../../../shared/ports/clock.port';
import { DomainEventPublisher } from '../../../../shared/ports/event-publisher.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { TaskBatchAbortedError } from '../../../model/task.errors';
import { TaskRepository } from '../../../ports/task.repository.port';
import { TaskUnitOfWork } from '../../../ports/task-unit-of-work.port';
import type { TaskView } from '../../task.view';
import { CompleteTaskCommand } from '../complete-task/complete-task.command';
import { CompleteTaskHandler } from '../complete-task/complete-task.handler';
import { CreateTaskCommand } from '../create-task/create-task.command';
import { CreateTaskHandler } from '../create-task/create-task.handler';
import { DeleteTaskCommand } from '../delete-task/delete-task.command';
import { DeleteTaskHandler } from '../delete-task/delete-task.handler';
import { UpdateTaskCommand } from '../update-task/update-task.command';
import { UpdateTaskHandler } from '../update-task/update-task.handler';
import { BufferedTaskRepository, BufferedUnitOfWork, EventsWithWrites } from './buffered-task.repository';
import { RecurrenceRules } from '../../../ports/recurrence-rules.port';
import { BULK_TASK_LIMIT, type BulkTaskOperation, type BulkTaskResult, BulkTasksCommand } from './bulk-tasks.command';

/**
 * Every operation runs through the single route's own handler, so validation, If-Match, owner
 * scoping, events and statistics are theirs. Not atomic, they run against the store one by one;
 * atomic, against a buffer that the store's unit of work then commits in one transaction.
 */
@CommandHandler(BulkTasksCommand)
export class BulkTasksHandler implements ICommandHandler<BulkTasksCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly unitOfWork: TaskUnitOfWork,
    private readonly ids: IdGenerator,
    private readonly rules: RecurrenceRules,
    private readonly clock: Clock,
    private readonly events: DomainEventPublisher,
  ) {}

  async execute({ ownerId, operations, atomic }: BulkTasksCommand): Promise<BulkTaskResult[]> {
    if (operations.length > BULK_TASK_LIMIT) {
      throw new DomainValidationError('operations', `must contain at most ${BULK_TASK_LIMIT} operations`);
    }
    return atomic ? this.allOrNothing(ownerId, operations) : this.oneByOne(ownerId, operations);
  }

  private async oneByOne(ownerId: string, operations: readonly BulkTaskOperation[]): Promise<BulkTaskResult[]> {
    const results: BulkTaskResult[] = [];
    for (const operation of operations) {
      try {
        results.push({ ok: true, task: await this.run(ownerId, operation, this.tasks, this.unitOfWork, this.events) });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error; // the store is down: the batch stops, as a single call would fail
        results.push({ ok: false, error });
      }
    }
    return results;
  }

  private async allOrNothing(ownerId: string, operations: readonly BulkTaskOperation[]): Promise<BulkTaskResult[]> {
    const buffer = new BufferedTaskRepository(this.tasks);
    const events = new EventsWithWrites();
    const results: BulkTaskResult[] = [];
    for (const [index, operation] of operations.entries()) {
      try {
        results.push({ ok: true, task: await this.run(ownerId, operation, buffer, new BufferedUnitOfWork(buffer), events) });
      } catch (error) {
        if (error instanceof DomainError) throw new TaskBatchAbortedError(index, error);
        throw error;
      }
    }
    await this.unitOfWork.commit(buffer.writes);
    return results;
  }

  /** The operation as its single route runs it, on the given repository and publisher. */
  private async run(
    ownerId: string,
    operation: BulkTaskOperation,
    tasks: TaskRepository,
    unitOfWork: TaskUnitOfWork,
    events: DomainEventPublisher,
  ): Promise<TaskView | null> {
    const recurring = [tasks, unitOfWork, this.rules, this.ids, this.clock, events] as const;
    switch (operation.op) {
      case 'create':
        return new CreateTaskHandler(tasks, this.ids, this.rules, this.clock, events).execute(
          new CreateTaskCommand(ownerId, operation.task),
        );
      case 'update':
        return new UpdateTaskHandler(tasks, this.rules, this.clock, events).execute(
          new UpdateTaskCommand(ownerId, operation.id, operation.changes, operation.ifMatch),
        );
      case 'complete':
        return new CompleteTaskHandler(...recurring).execute(new CompleteTaskCommand(ownerId, operation.id, operation.ifMatch));
      case 'reopen':
        // What PATCH {"status":"todo"} does: the single route that reopens.
        return new UpdateTaskHandler(tasks, this.rules, this.clock, events).execute(
          new UpdateTaskCommand(ownerId, operation.id, { status: 'todo' }, operation.ifMatch),
        );
      case 'delete':
        await new DeleteTaskHandler(...recurring).execute(new DeleteTaskCommand(ownerId, operation.id, operation.ifMatch));
        return null;
    }
  }
}
