import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ContentCipher, type IdempotencyClaim, IdempotencyStore, type StoredResponse } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { openResponse, sealResponse } from '../../core/idempotency/response-sealing';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import { claimFilter, claimUpdate, recordFilter } from './idempotency.filter';
import { IdempotencyRecord } from './idempotency.schema';

/** Idempotency records on MongoDB: the claim is one upsert on the primary; a TTL index expires them. */
@Injectable()
export class MongoIdempotencyStore extends IdempotencyStore {
  constructor(
    @InjectModel(IdempotencyRecord.name) private readonly records: Model<IdempotencyRecord>,
    private readonly cipher: ContentCipher,
  ) {
    super();
  }

  claim(ownerId: string, key: string, fingerprint: string, now: Date, expiresAt: Date): Promise<IdempotencyClaim> {
    return mongoCall(async () => {
      try {
        await this.records.updateOne(claimFilter(ownerId, key, now), claimUpdate(ownerId, fingerprint, expiresAt), { upsert: true }).exec();
        return { outcome: 'claimed' } as const;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const record = await this.records.findOne(recordFilter(ownerId, key)).read('primary').lean<IdempotencyRecord>().exec();
      if (!record) return this.claim(ownerId, key, fingerprint, now, expiresAt); // released in between
      return decideClaim(record, fingerprint, (sealed) => openResponse(this.cipher, ownerId, key, sealed));
    });
  }

  complete(ownerId: string, key: string, response: StoredResponse): Promise<void> {
    return mongoCall(async () => {
      await this.records
        .updateOne(recordFilter(ownerId, key), { $set: { response: sealResponse(this.cipher, ownerId, key, response) } })
        .exec();
    });
  }

  release(ownerId: string, key: string): Promise<void> {
    return mongoCall(async () => {
      await this.records.deleteOne(recordFilter(ownerId, key)).exec();
    });
  }
}

/** What a live record means for a claim of `fingerprint`. */
export function decideClaim(
  record: Pick<IdempotencyRecord, 'fingerprint' | 'response'>,
  fingerprint: string,
  open: (sealed: string) => StoredResponse,
): IdempotencyClaim {
  if (record.fingerprint !== fingerprint) return { outcome: 'mismatch' };
  if (record.response === undefined || record.response === null) return { outcome: 'in-progress' };
  return { outcome: 'replay', response: open(record.response) };
}
