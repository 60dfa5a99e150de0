import { notificationRepositoryContract } from '../contracts/notification-repository.contract';
import { MemoryNotificationRepository } from './in-memory-notification.repository';

notificationRepositoryContract('memory', async () => ({ repo: new MemoryNotificationRepository() }));
