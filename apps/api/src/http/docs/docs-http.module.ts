import { Module } from '@nestjs/common';
import { LicenseController } from './license.controller';

/** What the API document links to and the API serves itself (Swagger UI is mounted in bootstrap). */
@Module({ controllers: [LicenseController] })
export class DocsHttpModule {}
