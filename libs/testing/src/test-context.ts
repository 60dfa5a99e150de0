import { FakePasswordHasher } from './doubles/fake-password-hasher';
import { FakeTokenService } from './doubles/fake-token-service';
import { FixedClock } from './doubles/fixed-clock';
import { FixedStepRecurrenceRules } from './doubles/fixed-step-recurrence-rules';
import { InMemoryTaskUnitOfWork } from './in-memory/in-memory-task-unit-of-work';
import { InMemoryTaskArchive } from './in-memory/in-memory-task-archive';
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
  /** Commits over the same store, publishing to `events`. */
  unitOfWork: InMemoryTaskUnitOfWork;
  /** The archive over the same store, publishing to `events`. */
  archive: InMemoryTaskArchive;
  rules: FixedStepRecurrenceRules;
}

export function createTestContext(): TestContext {
  const persistence = createInMemoryPersistence();
  const events = new RecordingEventPublisher();
  return {
    ...persistence,
    clock: new FixedClock(),
    ids: new SequentialIdGenerator(),
    events,
    hasher: new FakePasswordHasher(),
    tokens: new FakeTokenService(),
    unitOfWork: new InMemoryTaskUnitOfWork(persistence.store, events),
    archive: new InMemoryTaskArchive(persistence.store, events),
    rules: new FixedStepRecurrenceRules(),
  };
}
