export * from './attachments-infrastructure.module';
export { FilesystemFileStorage } from '../core/attachments/filesystem-file-storage';
export { GridFsFileStorage, ATTACHMENTS_BUCKET } from '../mongo/attachments/gridfs-file-storage';
export { SqliteAttachmentRepository } from '../sqlite/attachments/sqlite-attachment.repository';
export { MongoAttachmentRepository } from '../mongo/attachments/mongo-attachment.repository';
export { AttachmentRecord, AttachmentSchema } from '../mongo/attachments/attachment.schema';
export { EncryptedFileStorage, attachmentContext } from '../core/attachments/encrypted-file-storage';
