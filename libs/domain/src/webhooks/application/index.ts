import { AttemptWebhookDeliveryHandler } from './commands/attempt-webhook-delivery/attempt-webhook-delivery.handler';
import { CreateWebhookHandler } from './commands/create-webhook/create-webhook.handler';
import { DeleteWebhookHandler } from './commands/delete-webhook/delete-webhook.handler';
import { EnqueueWebhookDeliveriesHandler } from './commands/enqueue-webhook-deliveries/enqueue-webhook-deliveries.handler';
import { PingWebhookHandler } from './commands/ping-webhook/ping-webhook.handler';
import { UpdateWebhookHandler } from './commands/update-webhook/update-webhook.handler';
import { GetWebhookHandler } from './queries/get-webhook/get-webhook.handler';
import { ListWebhookDeliveriesHandler } from './queries/list-webhook-deliveries/list-webhook-deliveries.handler';
import { ListWebhooksHandler } from './queries/list-webhooks/list-webhooks.handler';

export * from './webhook.view';
export * from './webhook-payload';
export * from './commands/create-webhook/create-webhook.command';
export * from './commands/update-webhook/update-webhook.command';
export * from './commands/delete-webhook/delete-webhook.command';
export * from './commands/ping-webhook/ping-webhook.command';
export * from './commands/enqueue-webhook-deliveries/enqueue-webhook-deliveries.command';
export * from './commands/attempt-webhook-delivery/attempt-webhook-delivery.command';
export * from './queries/list-webhooks/list-webhooks.query';
export * from './queries/get-webhook/get-webhook.query';
export * from './queries/list-webhook-deliveries/list-webhook-deliveries.query';

/**
 * Every webhook use case. Registered in every role: the outbox relay (which runs everywhere)
 * enqueues deliveries through EnqueueWebhookDeliveriesCommand.
 */
export const webhookHandlers = [
  CreateWebhookHandler,
  UpdateWebhookHandler,
  DeleteWebhookHandler,
  PingWebhookHandler,
  EnqueueWebhookDeliveriesHandler,
  AttemptWebhookDeliveryHandler,
  ListWebhooksHandler,
  GetWebhookHandler,
  ListWebhookDeliveriesHandler,
];
