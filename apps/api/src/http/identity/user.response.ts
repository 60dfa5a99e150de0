import type { UserView } from '@primetrade/domain';
import type { UserResponseDto } from './auth.dto';

/** Allow-list of what a client sees of a user. */
export const toUserResponse = (user: UserView): UserResponseDto => ({
  id: user.id,
  name: user.name,
  email: user.email,
  emailConfirmed: user.emailConfirmed,
  createdAt: user.createdAt.toISOString(),
});
