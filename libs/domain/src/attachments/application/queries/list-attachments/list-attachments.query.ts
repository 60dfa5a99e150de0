import { Query } from '@nestjs/cqrs';
import type { AttachmentView } from '../../attachment.view';

export class ListAttachmentsQuery extends Query<AttachmentView[]> {
  constructor(
    readonly ownerId: string,
    readonly taskId: string,
  ) {
    super();
  }
}
