import { Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { TaskDeleted } from '../../../tasks';
import { AttachmentRepository } from '../../ports/attachment.repository.port';
import { FileStorage } from '../../ports/file-storage.port';

/**
 * A deleted task takes its files with it. Idempotent: each file is deleted before its row, so a
 * second delivery (or a retry after a crash half-way) finds only what is left and finishes it.
 */
@EventsHandler(TaskDeleted)
export class DeleteTaskAttachmentsHandler implements IEventHandler<TaskDeleted> {
  private readonly logger = new Logger('Attachments');

  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStorage,
  ) {}

  async handle(event: TaskDeleted): Promise<void> {
    try {
      for (const attachment of await this.attachments.listByTask(event.ownerId, event.aggregateId)) {
        await this.files.delete(attachment.storageKey);
        await this.attachments.delete(attachment.ownerId, attachment.taskId, attachment.id);
      }
    } catch (error) {
      this.logger.error(`attachments of deleted task ${event.aggregateId} not (all) removed: ${(error as Error).message}`);
    }
  }
}
