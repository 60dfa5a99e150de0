import type { Attachment } from '../model/attachment.entity';

/** Attachment metadata. Every call carries the owner, like the task store. */
export abstract class AttachmentRepository {
  /** Stores it unless its task already has `maxPerTask` attachments (atomically where the store allows); false when full. */
  abstract insertWithinLimit(attachment: Attachment, maxPerTask: number): Promise<boolean>;
  abstract countByTask(ownerId: string, taskId: string): Promise<number>;
  abstract findById(ownerId: string, taskId: string, id: string): Promise<Attachment | null>;
  /** Every attachment of the owner, by task then oldest first (the account export). */
  abstract listByOwner(ownerId: string): Promise<Attachment[]>;
  /** Oldest first. */
  abstract listByTask(ownerId: string, taskId: string): Promise<Attachment[]>;
  /** False when there was nothing to delete. */
  abstract delete(ownerId: string, taskId: string, id: string): Promise<boolean>;
}
