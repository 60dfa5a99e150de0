import { WebhookEventsInvalidError } from './webhook.errors';
import { isWebhookEventType, type WebhookEventType } from './webhook-events';
import { parseWebhookUrl } from './webhook-url';

export interface WebhookProps {
  id: string;
  ownerId: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  /** The Standard Webhooks signing secret (`whsec_…`); sealed at rest by the stores. */
  secret: string;
  createdAt: Date;
  updatedAt: Date;
  /** Since when every attempt failed (null while the endpoint answers); 24 h of it disables it. */
  failingSince: Date | null;
  /** When the server disabled it for failing (null when enabled, or disabled by its owner). */
  disabledAt: Date | null;
}

function checkedEvents(events: readonly unknown[]): WebhookEventType[] {
  if (events.length === 0) throw new WebhookEventsInvalidError('subscribe to at least one event');
  const unknown = events.find((e) => !isWebhookEventType(e));
  if (unknown !== undefined) throw new WebhookEventsInvalidError(`unknown event ${JSON.stringify(unknown)}`);
  if (new Set(events).size !== events.length) throw new WebhookEventsInvalidError('each event once');
  return [...(events as WebhookEventType[])];
}

/** An endpoint a user wants told about changes to their tasks. */
export class Webhook {
  private constructor(private props: WebhookProps) {}

  static create(input: {
    id: string;
    ownerId: string;
    url: string;
    events: readonly string[];
    enabled?: boolean;
    secret: string;
    now: Date;
  }): Webhook {
    return new Webhook({
      id: input.id,
      ownerId: input.ownerId,
      url: parseWebhookUrl(input.url).href,
      events: checkedEvents(input.events),
      enabled: input.enabled ?? true,
      secret: input.secret,
      createdAt: input.now,
      updatedAt: input.now,
      failingSince: null,
      disabledAt: null,
    });
  }

  static restore(props: WebhookProps): Webhook {
    return new Webhook({ ...props, events: [...props.events] });
  }

  get id(): string {
    return this.props.id;
  }
  get ownerId(): string {
    return this.props.ownerId;
  }
  get url(): string {
    return this.props.url;
  }
  get events(): readonly WebhookEventType[] {
    return this.props.events;
  }
  get enabled(): boolean {
    return this.props.enabled;
  }
  get secret(): string {
    return this.props.secret;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get failingSince(): Date | null {
    return this.props.failingSince;
  }
  get disabledAt(): Date | null {
    return this.props.disabledAt;
  }

  wants(event: WebhookEventType): boolean {
    return this.props.enabled && this.props.events.includes(event);
  }

  /** Applies the owner's changes; enabling again starts the failure clock afresh. */
  change(changes: { url?: string; events?: readonly string[]; enabled?: boolean }, now: Date): void {
    if (changes.url !== undefined) this.props.url = parseWebhookUrl(changes.url).href;
    if (changes.events !== undefined) this.props.events = checkedEvents(changes.events);
    if (changes.enabled !== undefined && changes.enabled !== this.props.enabled) {
      this.props.enabled = changes.enabled;
      this.props.failingSince = null;
      this.props.disabledAt = null;
    }
    this.props.updatedAt = now;
  }

  toProps(): WebhookProps {
    return { ...this.props, events: [...this.props.events] };
  }
}
