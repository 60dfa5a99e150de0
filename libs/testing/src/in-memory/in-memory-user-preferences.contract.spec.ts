import { describeUserPreferencesContract } from '../contracts/user-preferences.contract';
import { InMemoryUserPreferencesRepository } from './in-memory-user-preferences.repository';

describeUserPreferencesContract('in-memory', async () => ({
  preferences: new InMemoryUserPreferencesRepository(),
  dispose: async () => undefined,
}));
