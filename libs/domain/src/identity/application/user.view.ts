import type { User } from '../model/user.entity';

/** What the outside world may see of a user: an allow-list, so a hash never leaks by accident. */
export interface UserView {
  id: string;
  name: string;
  email: string;
  emailConfirmed: boolean;
  createdAt: Date;
}

export function toUserView(user: User): UserView {
  return { id: user.id, name: user.name, email: user.email, emailConfirmed: user.emailConfirmed, createdAt: user.createdAt };
}
