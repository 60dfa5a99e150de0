import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { SessionRepository, Task, TaskReadModel, TaskRepository, TaskStatistics, UserRepository } from '@primetrade/domain';
import { PersistenceHealth } from '@primetrade/domain';
import { InMemoryPersistenceModule } from './in-memory-persistence.module';
import { InMemoryStore } from './in-memory-store';

const NOW = new Date('2026-06-15T12:00:00.000Z');

// A consumer module that imports nothing: the ports must reach it because the module is global.
@Module({})
class ConsumerModule {}

async function boot(): Promise<INestApplicationContext> {
  @Module({ imports: [InMemoryPersistenceModule.forRoot(), ConsumerModule] })
  class AppModule {}
  return NestFactory.createApplicationContext(AppModule, { logger: false });
}

describe('InMemoryPersistenceModule', () => {
  let app: INestApplicationContext;
  afterEach(async () => app?.close());

  it('provides every persistence port and a health check that answers', async () => {
    app = await boot();
    for (const port of [UserRepository, SessionRepository, TaskRepository, TaskReadModel, TaskStatistics]) {
      expect(app.get(port, { strict: false })).toBeInstanceOf(port);
    }
    const health = app.get(PersistenceHealth, { strict: false });
    expect(health.storeName).toBe('memory');
    await expect(health.ping()).resolves.toBeUndefined();
  });

  it('shares one store between the write side, the read model and the statistics', async () => {
    app = await boot();
    const task = Task.create({ id: 't1', ownerId: 'o1', title: 'Shared', now: NOW });
    await app.get(TaskRepository, { strict: false }).insert(task);
    const listed = await app
      .get(TaskReadModel, { strict: false })
      .list('o1', { criteria: { now: NOW }, sort: 'createdAt', order: 'asc', after: null, limit: 10 });
    expect(listed.map((t) => t.id)).toEqual(['t1']);
    expect((await app.get(TaskStatistics, { strict: false }).overview('o1', NOW)).total).toBe(1);
  });

  it('starts every application with an empty store', async () => {
    app = await boot();
    await app.get(TaskRepository, { strict: false }).insert(Task.create({ id: 't1', ownerId: 'o1', title: 'First app', now: NOW }));
    await app.close();
    app = await boot();
    expect(app.get(InMemoryStore, { strict: false }).tasks.size).toBe(0);
  });
});
