import { describeAccountTokenContract } from '../contracts/account-token.contract';
import { InMemoryAccountTokenRepository } from './in-memory-account-token.repository';

describeAccountTokenContract('in-memory', async () => new InMemoryAccountTokenRepository());
