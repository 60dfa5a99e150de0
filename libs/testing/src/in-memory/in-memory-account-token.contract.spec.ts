import { describePasswordResetContract } from '../contracts/account-token.contract';
import { InMemoryPasswordResetRepository } from './in-memory-account-token.repository';

describePasswordResetContract('in-memory', async () => new InMemoryPasswordResetRepository());
