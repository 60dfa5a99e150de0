import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import {
  type AccountToken,
  type AccountTokenGrant,
  type AccountTokenPurpose,
  AccountTokenRepository,
  ContentCipher,
} from '@primetrade/domain';
import type { Model } from 'mongoose';
import { SealedText } from '../../core/notifications/sealed-text';
import { mongoCall } from '../connection/mongo.errors';
import { usableTokenFilter, usableTokenUpdate, userTokensFilter } from './account-token.filter';
import { AccountTokenRecord } from './account-token.schema';

/** Account tokens on MongoDB; a TTL index removes expired ones. */
@Injectable()
export class MongoAccountTokenRepository extends AccountTokenRepository {
  private readonly text: SealedText;

  constructor(
    @InjectModel(AccountTokenRecord.name) private readonly tokens: Model<AccountTokenRecord>,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
  }

  save(token: AccountToken, now: Date): Promise<void> {
    return mongoCall(async () => {
      await this.tokens.create({
        _id: token.tokenHash,
        purpose: token.purpose,
        userId: token.userId,
        email: token.email === null ? null : this.text.seal(token.email, aad(token.tokenHash)),
        expiresAt: token.expiresAt,
        usedAt: null,
        createdAt: now,
      });
    });
  }

  /** One conditional update on the primary: two racing uses cannot both have the token. */
  consume(purpose: AccountTokenPurpose, tokenHash: string, now: Date): Promise<AccountTokenGrant | null> {
    return mongoCall(async () => {
      const record = await this.tokens
        .findOneAndUpdate(usableTokenFilter(purpose, tokenHash, now), usableTokenUpdate(now))
        .lean<AccountTokenRecord>()
        .exec();
      if (!record) return null;
      const email = record.email === null ? null : this.text.open(record.email, aad(tokenHash));
      return { userId: record.userId, email };
    });
  }

  deleteAllOfUser(userId: string): Promise<void> {
    return mongoCall(async () => {
      await this.tokens.deleteMany(userTokensFilter(userId)).exec();
    });
  }
}

const aad = (tokenHash: string) => `account_tokens/${tokenHash}/email`;
