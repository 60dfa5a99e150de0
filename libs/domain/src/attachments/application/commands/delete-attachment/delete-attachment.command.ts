import { Command } from '@nestjs/cqrs';

export class DeleteAttachmentCommand extends Command<void> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    readonly attachmentId: string,
  ) {
    super();
  }
}
