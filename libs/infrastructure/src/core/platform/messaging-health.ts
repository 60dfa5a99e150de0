/** Readiness of the messaging backbone (Redis), when the profile has one. */
export abstract class MessagingHealth {
  abstract readonly serviceName: string;
  /** Resolves when the service answers; rejects otherwise. */
  abstract ping(): Promise<void>;
}
