import { Inject, Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { DatabaseUnavailableError } from '@primetrade/domain';
import type { Connection } from 'mongoose';
import { PersistenceHealth } from '@primetrade/domain';
import { MONGO_PERSISTENCE_OPTIONS, type ResolvedMongoPersistenceOptions } from './mongo-persistence.options';

/** Mongoose's readyState for an open connection. */
const CONNECTED = 1;

/** Readiness: a `ping` to the server within a short budget; down while disconnected. */
@Injectable()
export class MongoHealth extends PersistenceHealth {
  readonly storeName = 'mongodb';

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(MONGO_PERSISTENCE_OPTIONS) private readonly options: Pick<ResolvedMongoPersistenceOptions, 'pingTimeoutMS'>,
  ) {
    super();
  }

  async ping(): Promise<void> {
    const db = this.connection.db;
    if (this.connection.readyState !== CONNECTED || !db) throw new DatabaseUnavailableError();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailableError()), this.options.pingTimeoutMS);
    });
    try {
      await Promise.race([db.command({ ping: 1 }), timeout]);
    } catch (error) {
      throw error instanceof DatabaseUnavailableError ? error : Object.assign(new DatabaseUnavailableError(), { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
