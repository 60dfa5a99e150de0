import { UserPreferences } from '@primetrade/domain';
import { MingoCollection } from '@primetrade/testing';
import { digestSubscribersQuery, preferencesOfUsersFilter, toPreferences, toPreferencesRecord } from './user-preferences.filter';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const prefs = (id: string, digestEnabled: boolean) => {
  const p = UserPreferences.defaults(id);
  p.change({ digestEnabled, timeZone: 'Europe/Berlin', dueSoonLead: '15m' }, NOW);
  return p;
};

describe('MongoDB user-preferences documents (executed with mingo)', () => {
  it('map every field to the document and back', () => {
    const p = prefs('u1', true);
    expect(toPreferences(toPreferencesRecord(p)).toProps()).toEqual(p.toProps());
    expect(toPreferencesRecord(p).dueSoonMinutes).toBe(15);
  });

  it('find the preferences of the users asked for and no one else', () => {
    const c = new MingoCollection(['u1', 'u2', 'u3'].map((id) => toPreferencesRecord(prefs(id, true))));
    expect(
      c
        .find(preferencesOfUsersFilter(['u1', 'u3', 'u9']))
        .map((d) => d._id)
        .sort(),
    ).toEqual(['u1', 'u3']);
  });

  it('page through the digest subscribers by id, leaving out those with the digest off', () => {
    const c = new MingoCollection([prefs('u3', true), prefs('u1', true), prefs('u2', false), prefs('u4', true)].map(toPreferencesRecord));
    const first = digestSubscribersQuery(null);
    expect(c.find(first.filter, first.sort, 2).map((d) => d._id)).toEqual(['u1', 'u3']);
    const next = digestSubscribersQuery('u3');
    expect(c.find(next.filter, next.sort, 2).map((d) => d._id)).toEqual(['u4']);
  });
});
