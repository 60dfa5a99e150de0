import { type DynamicModule, Module } from '@nestjs/common';
import { attachmentHandlers, AttachmentLimits } from '@primetrade/domain';
import type { AppConfig } from '../../config/app-config';
import { AttachmentsController } from './attachments.controller';

/** Task attachments at the HTTP edge; the store module of the profile binds the repository and file storage. */
@Module({})
export class AttachmentsHttpModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AttachmentsHttpModule,
      controllers: [AttachmentsController],
      providers: [...attachmentHandlers, { provide: AttachmentLimits, useValue: config.attachments }],
    };
  }
}
