import { Module } from '@nestjs/common';
import { WebhooksController } from './webhooks.controller';

/** Webhooks at the HTTP edge; the use cases are registered by the composition's WebhooksModule (every role). */
@Module({ controllers: [WebhooksController] })
export class WebhooksHttpModule {}
