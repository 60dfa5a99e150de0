import { type DynamicModule, Module } from '@nestjs/common';
import { join } from 'node:path';
import { attachmentHandlers, AttachmentLimits } from '@primetrade/domain';
import { AttachmentsInfrastructureModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../../config/app-config';
import { AttachmentsController } from './attachments.controller';

/** Task attachments at the HTTP edge, on the store the config picked (GridFS with MongoDB, files under DATA_DIR otherwise). */
@Module({})
export class AttachmentsHttpModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AttachmentsHttpModule,
      imports: [
        AttachmentsInfrastructureModule.forRoot(
          config.mongodb ? { store: 'mongo' } : { store: 'sqlite', directory: join(config.dataDir, 'attachments') },
        ),
      ],
      controllers: [AttachmentsController],
      providers: [...attachmentHandlers, { provide: AttachmentLimits, useValue: config.attachments }],
    };
  }
}
