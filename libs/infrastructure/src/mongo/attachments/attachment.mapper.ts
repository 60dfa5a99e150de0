import { Attachment } from '@primetrade/domain';
import type { AttachmentRecord } from './attachment.schema';

export function toAttachmentRecord(attachment: Attachment): AttachmentRecord {
  const a = attachment.toProps();
  return {
    _id: a.id,
    owner: a.ownerId,
    taskId: a.taskId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    createdAt: a.createdAt,
  };
}

export function toAttachment(record: AttachmentRecord): Attachment {
  return Attachment.restore({
    id: record._id,
    ownerId: record.owner,
    taskId: record.taskId,
    fileName: record.fileName,
    contentType: record.contentType,
    size: record.size,
    createdAt: new Date(record.createdAt),
  });
}

/** Every attachment query names the owner (the shard key) and the task. */
export const ownerAttachmentsFilter = (ownerId: string) => ({ owner: ownerId });
export const taskAttachmentsFilter = (ownerId: string, taskId: string) => ({ owner: ownerId, taskId });
export const attachmentFilter = (ownerId: string, taskId: string, id: string) => ({ _id: id, owner: ownerId, taskId });
