import { describePasswordResetContract } from '../contracts/password-reset.contract';
import { InMemoryPasswordResetRepository } from './in-memory-password-reset.repository';

describePasswordResetContract('in-memory', async () => new InMemoryPasswordResetRepository());
