import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Session, SessionRepository, type SessionSummary } from '@primetrade/domain';
import type { Model, PipelineStage } from 'mongoose';
import { toSession, toSessionRecord } from './session.mapper';
import { mongoCall } from '../connection/mongo.errors';
import {
  familyFilter,
  keepFamilyUntilUpdate,
  markRotatedUpdate,
  revokeUpdate,
  rotatableSessionFilter,
  activeSessionsFilter,
  familyStartsPipeline,
  unrevokedFamilyFilter,
  unrevokedUserSessionsFilter,
} from './session-write.filter';
import { SessionRecord } from './session.schema';

/** Refresh-token sessions; a family's sessions are removed by the TTL index once the whole family expired, not by the app. */
@Injectable()
export class MongoSessionRepository extends SessionRepository {
  constructor(@InjectModel(SessionRecord.name) private readonly sessions: Model<SessionRecord>) {
    super();
  }

  create(session: Session): Promise<void> {
    return mongoCall(async () => {
      await this.sessions.create(toSessionRecord(session));
      // A rotation: the family's earlier (rotated) sessions are kept as long as this one.
      if (session.familyId !== session.id) {
        await this.sessions.updateMany(familyFilter(session.familyId), keepFamilyUntilUpdate(session.props.expiresAt)).exec();
      }
    });
  }

  findByTokenHash(tokenHash: string): Promise<Session | null> {
    return mongoCall(async () => {
      const record = await this.sessions.findOne({ tokenHash }).read('primary').lean<SessionRecord>().exec();
      return record ? toSession(record) : null;
    });
  }

  /** One conditional update: of two concurrent refreshes with one token only one matches. */
  markRotated(sessionId: string, at: Date): Promise<boolean> {
    return mongoCall(async () => {
      const result = await this.sessions.updateOne(rotatableSessionFilter(sessionId), markRotatedUpdate(at)).exec();
      return result.matchedCount === 1;
    });
  }

  listActive(userId: string, now: Date): Promise<SessionSummary[]> {
    return mongoCall(async () => {
      const live = await this.sessions
        .find(activeSessionsFilter(userId, now))
        .sort({ createdAt: -1, familyId: 1 })
        .read('primary')
        .lean<SessionRecord[]>()
        .exec();
      if (live.length === 0) return [];
      const starts = await this.sessions
        .aggregate<{ _id: string; startedAt: Date }>(
          familyStartsPipeline(
            userId,
            live.map((s) => s.familyId),
          ) as unknown as PipelineStage[],
        )
        .read('primary')
        .exec();
      const startOf = new Map(starts.map((s) => [s._id, s.startedAt]));
      return live.map((s) => ({
        id: s.familyId,
        createdAt: startOf.get(s.familyId) ?? s.createdAt,
        lastUsedAt: s.createdAt,
        userAgent: s.userAgent ?? null,
      }));
    });
  }

  revokeAllOfUser(userId: string, at: Date): Promise<void> {
    return mongoCall(async () => {
      await this.sessions.updateMany(unrevokedUserSessionsFilter(userId), revokeUpdate(at)).exec();
    });
  }

  revokeFamily(familyId: string, at: Date): Promise<void> {
    return mongoCall(async () => {
      await this.sessions.updateMany(unrevokedFamilyFilter(familyId), revokeUpdate(at)).exec();
    });
  }
}
