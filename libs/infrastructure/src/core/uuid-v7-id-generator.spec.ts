import { UuidV7IdGenerator } from './uuid-v7-id-generator';

describe('UuidV7IdGenerator', () => {
  const ids = new UuidV7IdGenerator();

  it('gives new time-ordered UUIDv7s', () => {
    const [a, b] = [ids.next(), ids.next()];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });

  it('derives the same UUIDv5 from the same name, and another from another name', () => {
    const name = 'task-occurrence:series-1:2026-06-02T07:00:00.000Z';
    expect(ids.derived(name)).toBe(new UuidV7IdGenerator().derived(name));
    expect(ids.derived(name)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(ids.derived(`${name}x`)).not.toBe(ids.derived(name));
  });
});
