/* eslint-disable @nx/enforce-module-boundaries -- the one test-only reach into infrastructure, see below */
// The in-memory persistence adapters live in libs/infrastructure (they are adapters); handler
// tests use them instead of repository mocks. Reached by a relative path from tests only, and
// kept out of the Nx project graph (nx-ignore-next-line): an edge domain -> infrastructure
// would make every `@primetrade/domain` import in infrastructure a circular dependency.
// No production code imports libs/domain/src/testing.
// nx-ignore-next-line
export { createInMemoryPersistence, type InMemoryPersistence } from '../../../infrastructure/src/persistence/memory/in-memory-persistence';
