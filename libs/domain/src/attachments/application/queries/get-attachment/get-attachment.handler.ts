import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AttachmentNotFoundError } from '../../../model/attachment.errors';
import { AttachmentRepository } from '../../../ports/attachment.repository.port';
import { FileStorage } from '../../../ports/file-storage.port';
import { toAttachmentView } from '../../attachment.view';
import { type AttachmentDownload, GetAttachmentQuery } from './get-attachment.query';

@QueryHandler(GetAttachmentQuery)
export class GetAttachmentHandler implements IQueryHandler<GetAttachmentQuery> {
  constructor(
    private readonly attachments: AttachmentRepository,
    private readonly files: FileStorage,
  ) {}

  async execute(query: GetAttachmentQuery): Promise<AttachmentDownload> {
    const attachment = await this.attachments.findById(query.ownerId, query.taskId, query.attachmentId);
    if (!attachment) throw new AttachmentNotFoundError();
    const content = await this.files.read(attachment.storageKey);
    if (!content) throw new AttachmentNotFoundError();
    return { attachment: toAttachmentView(attachment), content };
  }
}
