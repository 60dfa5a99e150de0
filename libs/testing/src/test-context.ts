import { FakePasswordHasher } from './doubles/fake-password-hasher';
import { FakeTokenService } from './doubles/fake-token-service';
import { FixedClock } from './doubles/fixed-clock';
import { createInMemoryPersistence, type InMemoryPersistence } from './in-memory/in-memory-persistence';
import { RecordingEventPublisher } from './doubles/recording-event-publisher';
import { SequentialIdGenerator } from './doubles/sequential-id-generator';

/** Everything a handler needs from outside, fresh per test: real in-memory stores, doubles for the rest. */
export interface TestContext extends InMemoryPersistence {
  clock: FixedClock;
  ids: SequentialIdGenerator;
  events: RecordingEventPublisher;
  hasher: FakePasswordHasher;
  tokens: FakeTokenService;
}

export function createTestContext(): TestContext {
  return {
    ...createInMemoryPersistence(),
    clock: new FixedClock(),
    ids: new SequentialIdGenerator(),
    events: new RecordingEventPublisher(),
    hasher: new FakePasswordHasher(),
    tokens: new FakeTokenService(),
  };
}
