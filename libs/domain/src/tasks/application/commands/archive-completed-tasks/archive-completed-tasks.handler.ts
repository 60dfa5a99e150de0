import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { TASK_ARCHIVE_BATCH, TaskArchive } from '../../../ports/task-archive.port';
import { ArchiveCompletedTasksCommand } from './archive-completed-tasks.command';

/**
 * Moves every task due for the archive, a bounded batch per transaction, so a store with a year of
 * backlog is never locked for long; a short batch means nothing is left (until the clock moves on).
 */
@CommandHandler(ArchiveCompletedTasksCommand)
export class ArchiveCompletedTasksHandler implements ICommandHandler<ArchiveCompletedTasksCommand> {
  constructor(
    private readonly archive: TaskArchive,
    private readonly clock: Clock,
  ) {}

  async execute(command: ArchiveCompletedTasksCommand): Promise<number> {
    if (command.olderThanMs <= 0) return 0;
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - command.olderThanMs);
    let moved = 0;
    for (;;) {
      const batch = await this.archive.archiveBatch(cutoff, TASK_ARCHIVE_BATCH, now);
      moved += batch;
      if (batch < TASK_ARCHIVE_BATCH) return moved;
    }
  }
}
