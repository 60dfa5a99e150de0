import { Command } from '@nestjs/cqrs';

/** The background archive run (ARCHIVE_AFTER): how many tasks it moved. */
export class ArchiveCompletedTasksCommand extends Command<number> {
  constructor(
    /** Completed tasks unchanged for this long move to the archive; 0 turns the run off. */
    readonly olderThanMs: number,
  ) {
    super();
  }
}
