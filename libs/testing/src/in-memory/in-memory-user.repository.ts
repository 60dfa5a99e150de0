import { Injectable } from '@nestjs/common';
import { EmailAlreadyRegisteredError, User, UserRepository } from '@primetrade/domain';
import { copyUser, InMemoryStore } from './in-memory-store';

@Injectable()
export class InMemoryUserRepository extends UserRepository {
  constructor(private readonly store: InMemoryStore) {
    super();
  }

  async findById(id: string): Promise<User | null> {
    const row = this.store.users.get(id);
    return row ? User.restore(copyUser(row)) : null;
  }

  /** Exact match, as SQLite's `email = ?`: callers pass the normalised email. */
  async findByEmail(email: string): Promise<User | null> {
    for (const row of this.store.users.values()) {
      if (row.email === email) return User.restore(copyUser(row));
    }
    return null;
  }

  async updatePassword(user: User): Promise<void> {
    const row = this.store.users.get(user.id);
    if (row) this.store.users.set(user.id, { ...row, passwordHash: user.passwordHash, updatedAt: user.updatedAt });
  }

  async updateEmail(user: User): Promise<void> {
    const p = user.toProps();
    if ([...this.store.users.values()].some((row) => row.email === p.email && row.id !== p.id)) throw new EmailAlreadyRegisteredError();
    const row = this.store.users.get(p.id);
    if (row) this.store.users.set(p.id, { ...row, email: p.email, emailConfirmedAt: p.emailConfirmedAt, updatedAt: p.updatedAt });
  }

  async create(user: User): Promise<void> {
    const props = user.toProps();
    // The unique email index and the primary key, checked and written with no await between,
    // so the check and the insert are one step on the event loop. SQLite maps both
    // violations to the same error; so do we.
    const taken = this.store.users.has(props.id) || [...this.store.users.values()].some((row) => row.email === props.email);
    if (taken) throw new EmailAlreadyRegisteredError();
    this.store.users.set(props.id, copyUser(props));
  }
}
