import { User } from '@primetrade/domain';
import type { UserRecord } from '../schemas/user.schema';

export function toUserRecord(user: User): UserRecord {
  const p = user.toProps();
  return {
    _id: p.id,
    name: p.name,
    email: p.email,
    passwordHash: p.passwordHash,
    isActive: p.isActive,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

export function toUser(record: UserRecord): User {
  return User.restore({
    id: record._id,
    name: record.name,
    email: record.email,
    passwordHash: record.passwordHash,
    isActive: record.isActive,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
}
