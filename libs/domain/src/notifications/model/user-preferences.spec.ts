import { InvalidPreferencesError } from './notification.errors';
import { isKnownTimeZone, localDateHour, startOfNextLocalDay, UserPreferences } from './user-preferences';

const NOW = new Date('2026-06-15T12:00:00.000Z');

describe('UserPreferences', () => {
  it('starts from the defaults: UTC, due soon a day ahead, both channels, no digest', () => {
    expect(UserPreferences.defaults('u1').toProps()).toEqual({
      userId: 'u1',
      timeZone: 'UTC',
      dueSoonLead: '1d',
      inApp: true,
      email: true,
      digestEnabled: false,
      digestHour: 7,
      updatedAt: null,
    });
  });

  it('changes only the fields given and stores the canonical zone name', () => {
    const p = UserPreferences.defaults('u1');
    p.change({ timeZone: 'europe/berlin', digestEnabled: true }, NOW);
    expect(p.toProps()).toMatchObject({ timeZone: 'Europe/Berlin', digestEnabled: true, dueSoonLead: '1d', updatedAt: NOW });
    // Not "canonicalised" to ICU's legacy names.
    p.change({ timeZone: 'Asia/Kolkata' }, NOW);
    expect(p.timeZone).toBe('Asia/Kolkata');
  });

  it.each([
    [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    [{ timeZone: '' }, 'timeZone'],
    [{ digestHour: 24 }, 'digestHour'],
    [{ digestHour: -1 }, 'digestHour'],
    [{ digestHour: 7.5 }, 'digestHour'],
    [{ dueSoonLead: '2h' as never }, 'dueSoonLead'],
  ])('refuses %p, naming the field, and keeps what it had', (changes, field) => {
    const p = UserPreferences.defaults('u1');
    let error: unknown;
    try {
      p.change(changes, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidPreferencesError);
    expect((error as InvalidPreferencesError).violations.map((v) => v.field)).toEqual([field]);
    expect(p.updatedAt).toBeNull();
  });

  it('knows IANA zones', () => {
    expect(isKnownTimeZone('America/New_York')).toBe(true);
    expect(isKnownTimeZone('Asia/Kathmandu')).toBe(true);
    expect(isKnownTimeZone('Nowhere/City')).toBe(false);
  });

  it('gives the "due soon" limit for each lead, and none for `none`', () => {
    const p = UserPreferences.defaults('u1');
    for (const [lead, ms] of [
      ['15m', 15 * 60_000],
      ['1h', 3_600_000],
      ['1d', 86_400_000],
    ] as const) {
      p.change({ dueSoonLead: lead }, NOW);
      expect(p.dueSoonBy(NOW)?.getTime()).toBe(NOW.getTime() + ms);
    }
    p.change({ dueSoonLead: 'none' }, NOW);
    expect(p.dueSoonBy(NOW)).toBeNull();
  });

  describe('local time', () => {
    it('finds the local date and hour, also where the local day differs from UTC', () => {
      expect(localDateHour(new Date('2026-06-15T22:30:00Z'), 'Pacific/Auckland')).toEqual({ date: '2026-06-16', hour: 10 });
      expect(localDateHour(new Date('2026-06-15T02:00:00Z'), 'America/Los_Angeles')).toEqual({ date: '2026-06-14', hour: 19 });
    });

    it('ends the local day at local midnight, 23 or 25 hours after the last on DST days', () => {
      // Europe/Berlin springs forward on 2026-03-29 (02:00 → 03:00) and falls back on 2026-10-25.
      expect(startOfNextLocalDay(new Date('2026-03-29T05:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-03-29T22:00:00.000Z');
      expect(startOfNextLocalDay(new Date('2026-10-25T06:00:00Z'), 'Europe/Berlin').toISOString()).toBe('2026-10-25T23:00:00.000Z');
      // Half-hour and 45-minute offsets.
      expect(startOfNextLocalDay(new Date('2026-06-15T12:00:00Z'), 'Asia/Kolkata').toISOString()).toBe('2026-06-15T18:30:00.000Z');
      expect(startOfNextLocalDay(new Date('2026-06-15T12:00:00Z'), 'Asia/Kathmandu').toISOString()).toBe('2026-06-15T18:15:00.000Z');
    });
  });
});
