import { notificationRepositoryContract } from '../contracts/notification-repository.contract';
import { InMemoryNotificationRepository } from './in-memory-notification.repository';

notificationRepositoryContract('memory', async () => ({ repo: new InMemoryNotificationRepository() }));
