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
    path: 'preferences',
    title: 'Preferences · Settings · Primetrade',
    loadComponent: () => import('./preferences/preferences.page').then((m) => m.PreferencesPage),
  },
  {
    path: 'calendar',
    title: 'Calendar feed · Settings · Primetrade',
    loadComponent: () => import('./calendar-feed/calendar-feed.page').then((m) => m.CalendarFeedPage),
  },
];
