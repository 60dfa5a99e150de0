import type { User } from '../model/user.entity';

export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  /** `email` is already normalised. */
  abstract findByEmail(email: string): Promise<User | null>;
  /** Inserts; the store's unique index decides on the email (EmailAlreadyRegisteredError). */
  abstract create(user: User): Promise<void>;
  /** Stores the user's new password hash (and updatedAt). */
  abstract updatePassword(user: User): Promise<void>;
  /**
   * Stores the user's email and its confirmation (and updatedAt); the unique index decides on a
   * changed address (EmailAlreadyRegisteredError).
   */
  abstract updateEmail(user: User): Promise<void>;
}
