import { DeleteAttachmentHandler } from './commands/delete-attachment/delete-attachment.handler';
import { UploadAttachmentHandler } from './commands/upload-attachment/upload-attachment.handler';
import { DeleteTaskAttachmentsHandler } from './events/delete-task-attachments.handler';
import { GetAttachmentHandler } from './queries/get-attachment/get-attachment.handler';
import { ListAttachmentsHandler } from './queries/list-attachments/list-attachments.handler';

export * from './attachment-limits';
export * from './attachment.view';
export * from './screen-content';
export * from './commands/upload-attachment/upload-attachment.command';
export * from './commands/delete-attachment/delete-attachment.command';
export * from './queries/list-attachments/list-attachments.query';
export * from './queries/get-attachment/get-attachment.query';
export { UploadAttachmentHandler, DeleteAttachmentHandler, ListAttachmentsHandler, GetAttachmentHandler, DeleteTaskAttachmentsHandler };

/** Providers of the attachment use cases, for the composition root. */
export const attachmentHandlers = [
  UploadAttachmentHandler,
  DeleteAttachmentHandler,
  ListAttachmentsHandler,
  GetAttachmentHandler,
  DeleteTaskAttachmentsHandler,
];
