import { DomainValidationError } from '../../shared/model/domain.errors';
import { normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it('trims and lower-cases, so uniqueness is case-insensitive', () => {
    expect(normalizeEmail('  Ada.Lovelace+Tasks@Example.ORG \t')).toBe('ada.lovelace+tasks@example.org');
  });

  it('accepts up to 254 characters and no more', () => {
    const local = 'a'.repeat(64);
    const domainOf = (length: number) => `${'d'.repeat(length - local.length - 5)}.test`;
    expect(normalizeEmail(`${local}@${domainOf(254 - 1)}`)).toHaveLength(254);
    expect(() => normalizeEmail(`${local}@${domainOf(255 - 1)}`)).toThrow(DomainValidationError);
  });

  it('refuses anything without exactly one @ between non-blank parts', () => {
    for (const raw of ['', ' ', 'plain', 'a@', '@b', 'a@b@c', 'a b@c', 'a@b c']) {
      expect(() => normalizeEmail(raw)).toThrow(DomainValidationError);
    }
  });
});
