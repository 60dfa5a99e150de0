import type { Attachment } from '../model/attachment.entity';
import type { AttachmentContentType } from '../model/content-type';

/** What the application returns about an attachment (an allow-list: no storage details). */
export interface AttachmentView {
  readonly id: string;
  readonly taskId: string;
  readonly fileName: string;
  readonly contentType: AttachmentContentType;
  readonly size: number;
  readonly createdAt: Date;
}

export function toAttachmentView(attachment: Attachment): AttachmentView {
  return {
    id: attachment.id,
    taskId: attachment.taskId,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    createdAt: attachment.createdAt,
  };
}
