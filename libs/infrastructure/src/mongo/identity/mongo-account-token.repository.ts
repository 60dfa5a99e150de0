import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { PasswordResetRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { mongoCall } from '../connection/mongo.errors';
import { usableTokenFilter, usableTokenUpdate } from './account-token.filter';
import { PasswordResetRecord } from './account-token.schema';

/** Password-reset tokens on MongoDB; a TTL index removes expired ones. */
@Injectable()
export class MongoPasswordResetRepository extends PasswordResetRepository {
  constructor(@InjectModel(PasswordResetRecord.name) private readonly resets: Model<PasswordResetRecord>) {
    super();
  }

  save(userId: string, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
    return mongoCall(async () => {
      await this.resets.create({ _id: tokenHash, userId, expiresAt, usedAt: null, createdAt: now });
    });
  }

  /** One conditional update on the primary: two racing resets cannot both use the token. */
  consume(tokenHash: string, now: Date): Promise<string | null> {
    return mongoCall(async () => {
      const record = await this.resets
        .findOneAndUpdate(usableTokenFilter(tokenHash, now), usableTokenUpdate(now))
        .lean<PasswordResetRecord>()
        .exec();
      return record?.userId ?? null;
    });
  }
}
