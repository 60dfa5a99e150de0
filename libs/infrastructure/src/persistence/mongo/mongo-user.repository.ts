import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { EmailAlreadyRegisteredError, type User, UserRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { toUser, toUserRecord } from './mappers/user.mapper';
import { isDuplicateKey, mongoCall } from './mongo-errors';
import { UserRecord } from './schemas/user.schema';

@Injectable()
export class MongoUserRepository extends UserRepository {
  constructor(@InjectModel(UserRecord.name) private readonly users: Model<UserRecord>) {
    super();
  }

  findById(id: string): Promise<User | null> {
    return mongoCall(async () => {
      const record = await this.users.findOne({ _id: id }).read('primary').lean<UserRecord>().exec();
      return record ? toUser(record) : null;
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return mongoCall(async () => {
      const record = await this.users.findOne({ email }).read('primary').lean<UserRecord>().exec();
      return record ? toUser(record) : null;
    });
  }

  create(user: User): Promise<void> {
    return mongoCall(async () => {
      try {
        await this.users.create(toUserRecord(user));
      } catch (error) {
        // No look-up first: the unique index decides, as on SQLite.
        if (isDuplicateKey(error, 'email')) throw new EmailAlreadyRegisteredError();
        throw error;
      }
    });
  }
}
