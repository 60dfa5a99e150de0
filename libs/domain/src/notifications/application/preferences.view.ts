import type { DueSoonLead, UserPreferences } from '../model/user-preferences';

/** What GET/PATCH /users/me/preferences answer: an allow-list of fields. */
export interface UserPreferencesView {
  timeZone: string;
  dueSoonLead: DueSoonLead;
  channels: { inApp: boolean; email: boolean };
  digest: { enabled: boolean; hour: number };
  /** null until the user saved preferences (the defaults apply). */
  updatedAt: Date | null;
}

export function toPreferencesView(p: UserPreferences): UserPreferencesView {
  return {
    timeZone: p.timeZone,
    dueSoonLead: p.dueSoonLead,
    channels: { inApp: p.inApp, email: p.email },
    digest: { enabled: p.digestEnabled, hour: p.digestHour },
    updatedAt: p.updatedAt,
  };
}
