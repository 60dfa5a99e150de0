export * from './attachments-infrastructure.module';
export { FilesystemFileStorage } from './filesystem/filesystem-file-storage';
export { GridFsFileStorage, ATTACHMENTS_BUCKET } from './mongo/gridfs-file-storage';
export { SqliteAttachmentRepository } from './sqlite/sqlite-attachment.repository';
export { MongoAttachmentRepository } from './mongo/mongo-attachment.repository';
export { AttachmentRecord, AttachmentSchema } from './mongo/attachment.schema';
export { EncryptedFileStorage, attachmentContext } from './encrypted-file-storage';
