import type { AttachmentContentType } from './content-type';
import { sanitizeFileName } from './file-name';

export interface AttachmentProps {
  readonly id: string;
  readonly taskId: string;
  readonly ownerId: string;
  /** Sanitised; a label only (the stored content is keyed by `id`). */
  readonly fileName: string;
  /** Sniffed from the content. */
  readonly contentType: AttachmentContentType;
  readonly size: number;
  readonly createdAt: Date;
}

/** A file attached to a task. Immutable: it is uploaded once and deleted, never edited. */
export class Attachment {
  private constructor(private readonly props: AttachmentProps) {}

  static create(input: Omit<AttachmentProps, 'createdAt'>, now: Date): Attachment {
    return new Attachment({ ...input, fileName: sanitizeFileName(input.fileName), createdAt: now });
  }

  /** Rebuilds a stored attachment (adapters only). */
  static restore(props: AttachmentProps): Attachment {
    return new Attachment({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get taskId(): string {
    return this.props.taskId;
  }
  get ownerId(): string {
    return this.props.ownerId;
  }
  get fileName(): string {
    return this.props.fileName;
  }
  get contentType(): AttachmentContentType {
    return this.props.contentType;
  }
  get size(): number {
    return this.props.size;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }

  /** The key of its content in FileStorage: the server-generated id, never the client's name. */
  get storageKey(): string {
    return this.props.id;
  }

  toProps(): AttachmentProps {
    return { ...this.props };
  }
}
