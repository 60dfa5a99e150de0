/** Associated data of a webhook's sealed signing secret: bound to the webhook and the field. */
export const webhookSecretContext = (webhookId: string): string => `webhooks/${webhookId}/secret`;
