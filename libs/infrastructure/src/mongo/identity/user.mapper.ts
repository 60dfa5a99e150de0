import { User } from '@primetrade/domain';
import type { UserRecord } from './user.schema';

/** How personal fields are sealed, opened and indexed (the ContentCipher and BlindIndex adapters). */
export interface UserFieldProtection {
  seal(id: string, field: 'email' | 'name', value: string): string;
  open(id: string, field: 'email' | 'name', value: string): string;
  emailIndex(email: string): string;
}

export function toUserRecord(user: User, fields: UserFieldProtection): UserRecord {
  const p = user.toProps();
  return {
    _id: p.id,
    name: fields.seal(p.id, 'name', p.name),
    email: fields.seal(p.id, 'email', p.email),
    emailIndex: fields.emailIndex(p.email),
    passwordHash: p.passwordHash,
    isActive: p.isActive,
    emailConfirmedAt: p.emailConfirmedAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** A document without `emailIndex` was written before encryption: its fields are plaintext. */
export function toUser(record: UserRecord, fields: UserFieldProtection): User {
  const sealed = record.emailIndex !== undefined && record.emailIndex !== null;
  return User.restore({
    id: record._id,
    name: sealed ? fields.open(record._id, 'name', record.name) : record.name,
    email: sealed ? fields.open(record._id, 'email', record.email) : record.email,
    passwordHash: record.passwordHash,
    isActive: record.isActive,
    emailConfirmedAt: record.emailConfirmedAt ?? null,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  });
}

/** Sets a new (sealed, indexed) email and its confirmation; the unique blind index decides. */
export function userEmailUpdate(user: User, fields: UserFieldProtection) {
  const p = user.toProps();
  return {
    filter: { _id: p.id },
    update: {
      $set: {
        email: fields.seal(p.id, 'email', p.email),
        emailIndex: fields.emailIndex(p.email),
        emailConfirmedAt: p.emailConfirmedAt,
        updatedAt: p.updatedAt,
      },
    },
  };
}

/** Finds a user by email: by blind index, or by the plaintext email on a document not yet sealed. */
export function userByEmailFilter(email: string, emailIndex: string) {
  return { $or: [{ emailIndex }, { email, emailIndex: { $exists: false } }] };
}

/** Seals a not-yet-sealed document, only if it is still unsealed and unchanged. */
export function sealUserUpdate(record: UserRecord, fields: UserFieldProtection) {
  return {
    filter: { _id: record._id, email: record.email, name: record.name, emailIndex: { $exists: false } },
    update: {
      $set: {
        name: fields.seal(record._id, 'name', record.name),
        email: fields.seal(record._id, 'email', record.email),
        emailIndex: fields.emailIndex(record.email),
      },
    },
  };
}
