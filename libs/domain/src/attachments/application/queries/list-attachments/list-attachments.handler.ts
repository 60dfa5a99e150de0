import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TaskRepository } from '../../../../tasks';
import { AttachmentRepository } from '../../../ports/attachment.repository.port';
import { type AttachmentView, toAttachmentView } from '../../attachment.view';
import { assertOwnTask } from '../../assert-own-task';
import { ListAttachmentsQuery } from './list-attachments.query';

@QueryHandler(ListAttachmentsQuery)
export class ListAttachmentsHandler implements IQueryHandler<ListAttachmentsQuery> {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly attachments: AttachmentRepository,
  ) {}

  async execute(query: ListAttachmentsQuery): Promise<AttachmentView[]> {
    await assertOwnTask(this.tasks, query.ownerId, query.taskId);
    return (await this.attachments.listByTask(query.ownerId, query.taskId)).map(toAttachmentView);
  }
}
