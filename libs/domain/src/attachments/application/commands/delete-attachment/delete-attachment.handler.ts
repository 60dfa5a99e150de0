import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AttachmentNotFoundError } from '../../../model/attachment.errors';
import { AttachmentRepository } from '../../../ports/attachment.repository.port';
import { FileStorage } from '../../../ports/file-storage.port';
import { DeleteAttachmentCommand } from './delete-attachment.command';

@CommandHandler(DeleteAttachmentCommand)
export class DeleteAttachmentHandler implements ICommandHandler<DeleteAttachmentCommand> {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStorage,
  ) {}

  async execute(command: DeleteAttachmentCommand): Promise<void> {
    const attachment = await this.attachments.findById(command.ownerId, command.taskId, command.attachmentId);
    if (!attachment) throw new AttachmentNotFoundError();
    // Content first: a crash in between leaves a row whose download is a 404, never an orphan file.
    await this.files.delete(attachment.storageKey);
    await this.attachments.delete(attachment.ownerId, attachment.taskId, attachment.id);
  }
}
