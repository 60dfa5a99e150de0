import { InvalidPreferencesError } from './notification.errors';

/** How long before the due time the "due soon" notice comes; `none` sends none (overdue notices stay). */
export const DUE_SOON_LEADS = ['none', '15m', '1h', '1d'] as const;
export type DueSoonLead = (typeof DUE_SOON_LEADS)[number];

const LEAD_MINUTES: Record<DueSoonLead, number> = { none: 0, '15m': 15, '1h': 60, '1d': 24 * 60 };

export const dueSoonLeadMs = (lead: DueSoonLead): number => LEAD_MINUTES[lead] * 60_000;
export const dueSoonLeadMinutes = (lead: DueSoonLead): number => LEAD_MINUTES[lead];
export function dueSoonLeadFromMinutes(minutes: number): DueSoonLead {
  return DUE_SOON_LEADS.find((l) => LEAD_MINUTES[l] === minutes) ?? DEFAULT_PREFERENCES.dueSoonLead;
}

export interface UserPreferencesProps {
  userId: string;
  /** An IANA zone name, e.g. `Europe/Berlin`. */
  timeZone: string;
  dueSoonLead: DueSoonLead;
  inApp: boolean;
  email: boolean;
  digestEnabled: boolean;
  /** The local hour (0–23, in `timeZone`) the daily digest goes out. */
  digestHour: number;
  updatedAt: Date | null;
}

export type PreferenceChanges = Partial<Omit<UserPreferencesProps, 'userId' | 'updatedAt'>>;

/** What a user who never saved preferences gets: what the service did before preferences existed. */
export const DEFAULT_PREFERENCES: Omit<UserPreferencesProps, 'userId' | 'updatedAt'> = {
  timeZone: 'UTC',
  dueSoonLead: '1d',
  inApp: true,
  email: true,
  digestEnabled: false,
  digestHour: 7,
};

/** True for a zone name the runtime's time-zone database knows (IANA names, case as given or canonical). */
export function isKnownTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The zone as the runtime lists it when only the case differs (`europe/berlin` → `Europe/Berlin`),
 * else as given: ICU's own canonical names are often the legacy ones (`Asia/Kolkata` would become
 * `Asia/Calcutta`), so the user's name is kept rather than "canonicalised" to them.
 */
function zoneSpelling(zone: string): string {
  const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return listed.find((z) => z.toLowerCase() === zone.toLowerCase()) ?? zone;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and hour at `instant` in `zone` (DST handled by the runtime's zone data). */
export function localDateHour(instant: Date, zone: string): { date: string; hour: number } {
  let fmt = partsFormatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    partsFormatters.set(zone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

/** The first instant of the next local day in `zone` after `instant` (not always 24 hours away: DST). */
export function startOfNextLocalDay(instant: Date, zone: string): Date {
  const today = localDateHour(instant, zone).date;
  let t = instant.getTime() - (instant.getTime() % 60_000);
  // Hop an hour at a time past local midnight, then back a minute at a time (zones with half-hour offsets).
  while (localDateHour(new Date(t), zone).date === today) t += 3_600_000;
  while (localDateHour(new Date(t - 60_000), zone).date !== today) t -= 60_000;
  return new Date(t);
}

/** One user's reminder and digest settings; validated on every change. */
export class UserPreferences {
  private constructor(private props: UserPreferencesProps) {}

  static defaults(userId: string): UserPreferences {
    return new UserPreferences({ userId, ...DEFAULT_PREFERENCES, updatedAt: null });
  }

  static restore(props: UserPreferencesProps): UserPreferences {
    return new UserPreferences({ ...props });
  }

  /** Applies the given fields (the rest stay); throws DomainValidationError naming each bad field. */
  change(changes: PreferenceChanges, now: Date): void {
    const next = { ...this.props, ...stripUndefined(changes) };
    const violations: { field: string; message: string }[] = [];
    if (!isKnownTimeZone(next.timeZone)) violations.push({ field: 'timeZone', message: 'must be an IANA time zone, e.g. Europe/Berlin' });
    if (!DUE_SOON_LEADS.includes(next.dueSoonLead))
      violations.push({ field: 'dueSoonLead', message: `must be one of ${DUE_SOON_LEADS.join(', ')}` });
    if (!Number.isInteger(next.digestHour) || next.digestHour < 0 || next.digestHour > 23)
      violations.push({ field: 'digestHour', message: 'must be an integer from 0 to 23' });
    if (violations.length > 0) throw new InvalidPreferencesError(violations);
    next.timeZone = zoneSpelling(next.timeZone);
    this.props = { ...next, updatedAt: now };
  }

  get userId(): string {
    return this.props.userId;
  }
  get timeZone(): string {
    return this.props.timeZone;
  }
  get dueSoonLead(): DueSoonLead {
    return this.props.dueSoonLead;
  }
  get inApp(): boolean {
    return this.props.inApp;
  }
  get email(): boolean {
    return this.props.email;
  }
  get digestEnabled(): boolean {
    return this.props.digestEnabled;
  }
  get digestHour(): number {
    return this.props.digestHour;
  }
  get updatedAt(): Date | null {
    return this.props.updatedAt;
  }

  /** The latest due date a task may have for its "due soon" notice at `now`; null when the user wants none. */
  dueSoonBy(now: Date): Date | null {
    return this.props.dueSoonLead === 'none' ? null : new Date(now.getTime() + dueSoonLeadMs(this.props.dueSoonLead));
  }

  /** The local date whose digest is due at `now`, or null when it is not the chosen hour (or digests are off). */
  digestDateAt(now: Date): string | null {
    if (!this.props.digestEnabled) return null;
    const local = localDateHour(now, this.props.timeZone);
    return local.hour === this.props.digestHour ? local.date : null;
  }

  toProps(): UserPreferencesProps {
    return { ...this.props };
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
