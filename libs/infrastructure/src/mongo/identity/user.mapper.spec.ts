import { randomBytes } from 'node:crypto';
import { DataIntegrityError, User } from '@primetrade/domain';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { MongoUserRepository } from './mongo-user.repository';
import type { UserRecord } from './user.schema';
import { MingoCollection } from '@primetrade/testing';
import { sealUserUpdate, toUser, toUserRecord, userByEmailFilter } from './user.mapper';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const blind = randomBytes(32);
// The repository's field protection, without a connection (the model is never touched here).
const fields = new MongoUserRepository(
  null as never,
  new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: blind }),
  new BlindIndex(blind),
).fields;
const ada = User.restore({
  id: 'u1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  passwordHash: 'h',
  isActive: true,
  emailConfirmedAt: null,
  createdAt: NOW,
  updatedAt: NOW,
});

describe('MongoDB user mapping with encrypted email and name', () => {
  it('stores no plaintext email or name, and maps back', () => {
    const record = toUserRecord(ada, fields);
    // Words long enough not to turn up by chance in base64 ciphertext (a three-letter "ada" did).
    expect(JSON.stringify(record)).not.toMatch(/ada@example\.com|Lovelace|example\.com/i);
    expect(record.emailIndex).toBe(fields.emailIndex('ada@example.com'));
    expect(toUser(record, fields).toProps()).toEqual(ada.toProps());
  });

  it('refuses a value copied from another user', () => {
    const grace = toUserRecord(User.restore({ ...ada.toProps(), id: 'u2', name: 'Grace Hopper', email: 'grace@example.com' }), fields);
    const record = { ...toUserRecord(ada, fields), name: grace.name };
    expect(() => toUser(record, fields)).toThrow(DataIntegrityError);
  });

  it('finds sealed documents by blind index and unsealed ones by email, then seals those once', () => {
    const legacy: UserRecord = {
      _id: 'u0',
      name: 'Old Timer',
      email: 'old@example.com',
      passwordHash: 'h',
      isActive: true,
      emailConfirmedAt: null,
      createdAt: NOW,
      updatedAt: NOW,
    };
    const users = new MingoCollection<UserRecord>([toUserRecord(ada, fields), { ...legacy }]);
    expect(users.find(userByEmailFilter('ada@example.com', fields.emailIndex('ada@example.com'))).map((u) => u._id)).toEqual(['u1']);
    expect(users.find(userByEmailFilter('old@example.com', fields.emailIndex('old@example.com'))).map((u) => u._id)).toEqual(['u0']);
    // A ciphertext never matches as an email.
    expect(users.find(userByEmailFilter(toUserRecord(ada, fields).email, 'x'))).toEqual([]);

    const { filter, update } = sealUserUpdate(legacy, fields);
    expect(users.updateOne(filter, update).matchedCount).toBe(1);
    expect(users.updateOne(filter, update).matchedCount).toBe(0); // already sealed: idempotent
    const sealed = users.find({ _id: 'u0' })[0];
    expect(JSON.stringify(sealed)).not.toMatch(/old@example\.com|Old Timer/);
    expect(toUser(sealed, fields).toProps()).toMatchObject({ email: 'old@example.com', name: 'Old Timer' });
    expect(users.find(userByEmailFilter('old@example.com', fields.emailIndex('old@example.com'))).map((u) => u._id)).toEqual(['u0']);
    // A plaintext document is read as it is until then.
    expect(toUser(legacy, fields).email).toBe('old@example.com');
  });
});
