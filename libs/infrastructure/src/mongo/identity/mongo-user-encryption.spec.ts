import { randomBytes, randomUUID } from 'node:crypto';
import { EmailAlreadyRegisteredError, User } from '@primetrade/domain';
import { type Connection, createConnection } from 'mongoose';
import { AesGcmContentCipher } from '../../core/security/aes-gcm-content-cipher';
import { BlindIndex } from '../../core/security/blind-index';
import { MongoUserRepository } from './mongo-user.repository';
import { UserRecord, UserSchema } from './user.schema';

const uri = process.env['MONGODB_URI'];
if (!uri) process.stdout.write('skipped: no MongoDB server (set MONGODB_URI)\n');

const NOW = new Date('2026-06-15T12:00:00.000Z');
const blind = randomBytes(32);
const user = (id: string, email: string, name: string) =>
  User.restore({ id, name, email, passwordHash: 'h', isActive: true, emailConfirmedAt: null, createdAt: NOW, updatedAt: NOW });

/** Raw MongoDB documents hold no plaintext email or name (needs a real mongod). */
(uri ? describe : describe.skip)('MongoUserRepository: encrypted at rest on a real server', () => {
  let base: Connection;
  let db: Connection;
  let repo: MongoUserRepository;

  beforeAll(async () => {
    base = await createConnection(uri!).asPromise();
    const name = `primetrade_users_enc_test_${randomUUID().slice(0, 8)}`;
    if (!name.includes('test')) throw new Error('refusing a database without "test" in its name');
    db = base.useDb(name, { useCache: false });
    const model = db.model<UserRecord>(UserRecord.name, UserSchema);
    await model.init();
    repo = new MongoUserRepository(
      model,
      new AesGcmContentCipher({ keys: new Map([['k1', randomBytes(32)]]), activeKeyId: 'k1', blindIndexKey: blind }),
      new BlindIndex(blind),
    );
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await base?.close();
  });

  it('stores sealed fields, finds by email, refuses a duplicate and seals old documents', async () => {
    await repo.create(user('u1', 'ada@example.com', 'Ada Lovelace'));
    const raw = await db.collection('users').findOne({ _id: 'u1' as never });
    expect(JSON.stringify(raw)).not.toMatch(/ada@example\.com|Lovelace/);
    expect((await repo.findByEmail('ada@example.com'))?.name).toBe('Ada Lovelace');
    await expect(repo.create(user('u2', 'ada@example.com', 'Copy'))).rejects.toBeInstanceOf(EmailAlreadyRegisteredError);

    await db.collection('users').insertOne({
      _id: 'u0' as never,
      name: 'Old Timer',
      email: 'old@example.com',
      passwordHash: 'h',
      isActive: true,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect((await repo.findByEmail('old@example.com'))?.name).toBe('Old Timer');
    expect(await repo.sealLegacyUsers()).toBe(1);
    expect(JSON.stringify(await db.collection('users').findOne({ _id: 'u0' as never }))).not.toMatch(/old@example\.com|Old Timer/);
    expect((await repo.findByEmail('old@example.com'))?.name).toBe('Old Timer');
  });
});
