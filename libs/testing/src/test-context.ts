import { FakePasswordHasher } from './fake-password-hasher';
import { FakeTokenService } from './fake-token-service';
import { FixedClock } from './fixed-clock';
import { createInMemoryPersistence, type InMemoryPersistence } from './memory-persistence';
import { RecordingEventPublisher } from './recording-event-publisher';
import { SequentialIdGenerator } from './sequential-id-generator';

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
