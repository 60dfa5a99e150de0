import { describeWebhookStoresContract } from '../contracts/webhook-stores.contract';
import { InMemoryWebhookDeliveryStore, InMemoryWebhookRepository } from './in-memory-webhooks';

describeWebhookStoresContract('in-memory', async () => {
  const deliveries = new InMemoryWebhookDeliveryStore();
  return { webhooks: new InMemoryWebhookRepository(deliveries), deliveries };
});
