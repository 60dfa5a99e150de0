import { inject, Injectable } from '@angular/core';
import {
  Api,
  createWebhook,
  deleteWebhook,
  getPreferences,
  issueCalendarFeed,
  listWebhookDeliveries,
  listWebhooks,
  pingWebhook,
  revokeCalendarFeed,
  updatePreferences,
  updateWebhook,
} from '@primetrade/api-client';
import { map, Observable } from 'rxjs';
import type { ParamsOf, ResponseOf } from '../../../core/api/sdk-types';

export type Webhook = ResponseOf<typeof listWebhooks>['items'][number];
export type CreatedWebhook = ResponseOf<typeof createWebhook>;
export type WebhookDelivery = ResponseOf<typeof listWebhookDeliveries>['items'][number];
export type WebhookEvent = ParamsOf<typeof createWebhook>['body']['events'][number];
export type CalendarFeed = ResponseOf<typeof issueCalendarFeed>;
export type Preferences = ResponseOf<typeof getPreferences>;
export type PreferencesChange = ParamsOf<typeof updatePreferences>['body'];
export type DueSoonLead = Preferences['dueSoonLead'];

/** Every event an endpoint can subscribe to, in the order the form lists them. */
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['task.created', 'task.updated', 'task.completed', 'task.deleted', 'ping'];

/** The data access of the settings pages (webhooks, calendar feed, preferences): every call through the generated SDK. */
@Injectable({ providedIn: 'root' })
export class SettingsService {
  private readonly api = inject(Api);

  webhooks(): Observable<Webhook[]> {
    return this.api.invoke(listWebhooks).pipe(map((list) => list.items));
  }

  /** The answer carries the signing secret: the only time it can be read. */
  createWebhook(url: string, events: WebhookEvent[]): Observable<CreatedWebhook> {
    return this.api.invoke(createWebhook, { body: { url, events } });
  }

  setEnabled(id: string, enabled: boolean): Observable<Webhook> {
    return this.api.invoke(updateWebhook, { id, body: { enabled } });
  }

  deleteWebhook(id: string): Observable<void> {
    return this.api.invoke(deleteWebhook, { id }).pipe(map(() => undefined));
  }

  deliveries(id: string): Observable<WebhookDelivery[]> {
    return this.api.invoke(listWebhookDeliveries, { id, limit: 20 }).pipe(map((list) => list.items));
  }

  ping(id: string): Observable<WebhookDelivery> {
    return this.api.invoke(pingWebhook, { id });
  }

  /** Creates the private feed address, or a new one (the old one stops working). */
  issueCalendarFeed(): Observable<CalendarFeed> {
    return this.api.invoke(issueCalendarFeed);
  }

  revokeCalendarFeed(): Observable<void> {
    return this.api.invoke(revokeCalendarFeed).pipe(map(() => undefined));
  }

  /** The saved preferences, or the defaults (updatedAt null) when none were saved. */
  preferences(): Observable<Preferences> {
    return this.api.invoke(getPreferences);
  }

  updatePreferences(body: PreferencesChange): Observable<Preferences> {
    return this.api.invoke(updatePreferences, { body });
  }
}
