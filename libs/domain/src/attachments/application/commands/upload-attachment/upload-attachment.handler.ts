import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { TaskRepository } from '../../../../tasks';
import { Attachment } from '../../../model/attachment.entity';
import { AttachmentLimitReachedError } from '../../../model/attachment.errors';
import { AttachmentRepository } from '../../../ports/attachment.repository.port';
import { FileStorage } from '../../../ports/file-storage.port';
import { AttachmentLimits } from '../../attachment-limits';
import { type AttachmentView, toAttachmentView } from '../../attachment.view';
import { assertOwnTask } from '../../assert-own-task';
import { screenContent } from '../../screen-content';
import { UploadAttachmentCommand } from './upload-attachment.command';

@CommandHandler(UploadAttachmentCommand)
export class UploadAttachmentHandler implements ICommandHandler<UploadAttachmentCommand> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStorage,
    private readonly limits: AttachmentLimits,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute(command: UploadAttachmentCommand): Promise<AttachmentView> {
    const { ownerId, taskId } = command;
    await assertOwnTask(this.tasks, ownerId, taskId);
    // Fail before reading the body when the task is already full; the insert re-checks atomically.
    if ((await this.attachments.countByTask(ownerId, taskId)) >= this.limits.maxPerTask)
      throw new AttachmentLimitReachedError(this.limits.maxPerTask);

    const screened = await screenContent(command.content, this.limits.maxBytes);
    const id = this.ids.next();
    await this.files.write(id, screened.body);
    const attachment = Attachment.create(
      { id, taskId, ownerId, fileName: command.fileName, contentType: screened.contentType, size: screened.size() },
      this.clock.now(),
    );
    let stored = false;
    try {
      stored = await this.attachments.insertWithinLimit(attachment, this.limits.maxPerTask);
    } finally {
      if (!stored) await this.files.delete(id);
    }
    if (!stored) throw new AttachmentLimitReachedError(this.limits.maxPerTask);
    return toAttachmentView(attachment);
  }
}
