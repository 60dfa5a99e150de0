import { Query } from '@nestjs/cqrs';
import type { FileContent } from '../../../ports/file-storage.port';
import type { AttachmentView } from '../../attachment.view';

export interface AttachmentDownload {
  readonly attachment: AttachmentView;
  readonly content: FileContent;
}

export class GetAttachmentQuery extends Query<AttachmentDownload> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
    readonly attachmentId: string,
  ) {
    super();
  }
}
