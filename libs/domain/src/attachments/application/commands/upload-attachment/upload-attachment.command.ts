import { Command } from '@nestjs/cqrs';
import type { FileContent } from '../../../ports/file-storage.port';
import type { AttachmentView } from '../../attachment.view';

export class UploadAttachmentCommand extends Command<AttachmentView> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    /** As the client named it; sanitised before it is stored. */
    readonly fileName: string,
    readonly content: FileContent,
  ) {
    super();
  }
}
