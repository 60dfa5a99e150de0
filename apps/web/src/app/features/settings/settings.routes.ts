import type { Routes } from '@angular/router';

/** The settings area's pages, each loaded when first opened. */
export const settingsRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'webhooks' },
  {
    path: 'webhooks',
    title: 'Webhooks · Settings · Primetrade',
    loadComponent: () => import('./webhooks/webhooks.page').then((m) => m.WebhooksPage),
  },
  {
    path: 'calendar',
    title: 'Calendar feed · Settings · Primetrade',
    loadComponent: () => import('./calendar-feed/calendar-feed.page').then((m) => m.CalendarFeedPage),
  },
];
