import { notificationRepositoryContract } from '../contract/notification-repository.contract';
import { MemoryNotificationRepository } from './memory-notification.repository';

notificationRepositoryContract('memory', async () => ({ repo: new MemoryNotificationRepository() }));
