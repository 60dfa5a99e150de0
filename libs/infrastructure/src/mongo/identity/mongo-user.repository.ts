import { Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ContentCipher, EmailAlreadyRegisteredError, type User, UserRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { MongoEventOutbox } from '../events/mongo-event-outbox';
import { BlindIndex } from '../../core/security/blind-index';
import { sealUserUpdate, toUser, toUserRecord, type UserFieldProtection, userByEmailFilter, userEmailUpdate } from './user.mapper';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import { USER_EMAIL_BLIND_INDEX, USER_EMAIL_INDEX, UserRecord } from './user.schema';

const EMAIL_INDEX = 'users.email';
const LEGACY_BATCH = 500;

/**
 * Users on MongoDB with email and name encrypted at rest (as on SQLite: AES-256-GCM through
 * ContentCipher, record and field as associated data) and a blind index for the unique email
 * look-up. Documents written before encryption are read as they are and sealed in the
 * background after start-up (not blocking it, so a replica still starts while MongoDB is down).
 */
@Injectable()
export class MongoUserRepository extends UserRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger('MongoUserRepository');
  readonly fields: UserFieldProtection;

  constructor(
    @InjectModel(UserRecord.name) private readonly users: Model<UserRecord>,
    cipher: ContentCipher,
    index: BlindIndex,
    /** With it, a registration records UserRegistered in the same transaction (the app binds it). */
    @Optional() private readonly outbox?: MongoEventOutbox,
  ) {
    super();
    this.fields = {
      seal: (id, field, value) => Buffer.from(cipher.seal(Buffer.from(value, 'utf8'), `users/${id}/${field}`)).toString('base64'),
      open: (id, field, value) => Buffer.from(cipher.open(Buffer.from(value, 'base64'), `users/${id}/${field}`)).toString('utf8'),
      emailIndex: (email) => index.of(EMAIL_INDEX, email),
    };
  }

  onApplicationBootstrap(): void {
    this.sealLegacyUsers().catch((error: Error) =>
      this.logger.warn(`sealing users written before encryption stopped (resumes at next start): ${error.message}`),
    );
  }

  findById(id: string): Promise<User | null> {
    return mongoCall(async () => {
      const record = await this.users.findOne({ _id: id }).read('primary').lean<UserRecord>().exec();
      return record ? toUser(record, this.fields) : null;
    });
  }

  updatePassword(user: User): Promise<void> {
    const p = user.toProps();
    return mongoCall(async () => {
      await this.users.updateOne({ _id: p.id }, { $set: { passwordHash: p.passwordHash, updatedAt: p.updatedAt } }).exec();
    });
  }

  updateEmail(user: User): Promise<void> {
    const { filter, update } = userEmailUpdate(user, this.fields);
    return mongoCall(async () => {
      try {
        await this.users.updateOne(filter, update).exec();
      } catch (error) {
        if (isDuplicateKey(error, USER_EMAIL_BLIND_INDEX) || isDuplicateKey(error, USER_EMAIL_INDEX))
          throw new EmailAlreadyRegisteredError();
        throw error;
      }
    });
  }

  findByEmail(email: string): Promise<User | null> {
    const filter = userByEmailFilter(email, this.fields.emailIndex(email));
    return mongoCall(async () => {
      const record = await this.users.findOne(filter).read('primary').lean<UserRecord>().exec();
      return record ? toUser(record, this.fields) : null;
    });
  }

  create(user: User): Promise<void> {
    const record = toUserRecord(user, this.fields);
    return mongoCall(async () => {
      try {
        if (this.outbox) await this.outbox.withEvents(user, (session) => this.users.create([record], { session }));
        else await this.users.create(record);
      } catch (error) {
        // No look-up first: the unique index decides, as on SQLite.
        if (isDuplicateKey(error, 'emailIndex') || isDuplicateKey(error, 'email')) throw new EmailAlreadyRegisteredError();
        throw error;
      }
    });
  }

  /** Seals documents written before encryption, in batches; idempotent and resumable. */
  async sealLegacyUsers(): Promise<number> {
    let sealed = 0;
    for (;;) {
      const batch = await this.users
        .find({ emailIndex: { $exists: false } })
        .limit(LEGACY_BATCH)
        .read('primary')
        .lean<UserRecord[]>()
        .exec();
      if (batch.length === 0) break;
      const result = await this.users.bulkWrite(
        batch.map((record) => ({ updateOne: sealUserUpdate(record, this.fields) })),
        { ordered: false },
      );
      sealed += result.modifiedCount;
      if (result.modifiedCount === 0) break; // all changed under us; the next start picks them up
    }
    if (sealed > 0) this.logger.log(`encrypted email and name of ${sealed} existing user(s)`);
    return sealed;
  }
}
