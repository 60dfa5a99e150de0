/** New Standard Webhooks signing secrets: `whsec_` and the base64 of random bytes. */
export abstract class WebhookSecrets {
  abstract newSecret(): string;
}
