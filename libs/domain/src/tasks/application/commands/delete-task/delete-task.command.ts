import { Command } from '@nestjs/cqrs';

export class DeleteTaskCommand extends Command<void> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    readonly ifMatch?: number,
    /**
     * For an open occurrence of a recurring task: true ends the series (no next occurrence),
     * false deletes only this occurrence and creates the next one in its place.
     */
    readonly series = false,
  ) {
    super();
  }
}
