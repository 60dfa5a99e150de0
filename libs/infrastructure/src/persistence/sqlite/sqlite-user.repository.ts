import { Injectable } from '@nestjs/common';
import { EmailAlreadyRegisteredError, User, UserRepository } from '@primetrade/domain';
import { isUniqueViolation, SqliteDatabase } from './sqlite-database';

interface UserRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  is_active: number;
  created_at: number;
  updated_at: number;
}

const toDomain = (row: UserRow): User =>
  User.restore({
    id: row.id,
    name: row.name,
    email: row.email,
    passwordHash: row.password_hash,
    isActive: row.is_active === 1,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  });

@Injectable()
export class SqliteUserRepository extends UserRepository {
  constructor(private readonly sqlite: SqliteDatabase) {
    super();
  }

  async findById(id: string): Promise<User | null> {
    const row = this.sqlite.statement('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toDomain(row) : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = this.sqlite.statement('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
    return row ? toDomain(row) : null;
  }

  async create(user: User): Promise<void> {
    const p = user.toProps();
    try {
      this.sqlite
        .statement('INSERT INTO users (id, name, email, password_hash, is_active, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(p.id, p.name, p.email, p.passwordHash, p.isActive ? 1 : 0, p.createdAt.getTime(), p.updatedAt.getTime());
    } catch (error) {
      if (isUniqueViolation(error, 'users.email')) throw new EmailAlreadyRegisteredError();
      throw error;
    }
  }
}
