import { type DynamicModule, Module } from '@nestjs/common';
import { getConnectionToken, MongooseModule } from '@nestjs/mongoose';
import { AttachmentRepository, ContentCipher, FileStorage } from '@primetrade/domain';
import type { Connection } from 'mongoose';
import { EncryptedFileStorage } from '../core/attachments/encrypted-file-storage';
import { FilesystemFileStorage } from '../core/attachments/filesystem-file-storage';
import { AttachmentRecord, AttachmentSchema } from '../mongo/attachments/attachment.schema';
import { GridFsFileStorage } from '../mongo/attachments/gridfs-file-storage';
import { MongoAttachmentRepository } from '../mongo/attachments/mongo-attachment.repository';
import { SqliteAttachmentRepository } from '../sqlite/attachments/sqlite-attachment.repository';

export type AttachmentsInfrastructureOptions =
  /** Embedded: metadata in the SQLite store (SqlitePersistenceModule must be loaded), content under `directory`. */
  | { store: 'sqlite'; directory: string }
  /** Production: metadata and GridFS content on the MongoPersistenceModule's connection. */
  | { store: 'mongo' };

/**
 * Binds AttachmentRepository and FileStorage for the store the composition root picked. Content is
 * always encrypted at rest with the global ContentCipher (EncryptionModule).
 */
@Module({})
export class AttachmentsInfrastructureModule {
  static forRoot(options: AttachmentsInfrastructureOptions): DynamicModule {
    if (options.store === 'mongo') {
      return {
        module: AttachmentsInfrastructureModule,
        imports: [MongooseModule.forFeature([{ name: AttachmentRecord.name, schema: AttachmentSchema }])],
        providers: [
          { provide: AttachmentRepository, useClass: MongoAttachmentRepository },
          {
            provide: FileStorage,
            useFactory: (connection: Connection, cipher: ContentCipher) =>
              new EncryptedFileStorage(new GridFsFileStorage(connection), cipher),
            inject: [getConnectionToken(), ContentCipher],
          },
        ],
        exports: [AttachmentRepository, FileStorage],
      };
    }
    return {
      module: AttachmentsInfrastructureModule,
      providers: [
        { provide: AttachmentRepository, useClass: SqliteAttachmentRepository },
        {
          provide: FileStorage,
          useFactory: (cipher: ContentCipher) => new EncryptedFileStorage(new FilesystemFileStorage(options.directory), cipher),
          inject: [ContentCipher],
        },
      ],
      exports: [AttachmentRepository, FileStorage],
    };
  }
}
