import { AggregateRoot } from '../../shared/model/aggregate-root';
import { DomainValidationError } from '../../shared/model/domain.errors';
import { normalizeEmail } from './email';
import { UserRegistered } from './identity.events';

export interface UserProps {
  id: string;
  name: string;
  email: string;
  passwordHash: string;
  isActive: boolean;
  /** When the user proved the address is theirs (a link mailed to it); null until then. */
  emailConfirmedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export class User extends AggregateRoot {
  private constructor(private readonly props: UserProps) {
    super();
  }

  static register(input: { id: string; name: string; email: string; passwordHash: string; now: Date }): User {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 100) {
      throw new DomainValidationError('name', 'must be 1 to 100 characters');
    }
    const user = new User({
      id: input.id,
      name,
      email: normalizeEmail(input.email),
      passwordHash: input.passwordHash,
      isActive: true,
      emailConfirmedAt: null,
      createdAt: input.now,
      updatedAt: input.now,
    });
    user.raise(new UserRegistered(user.id, user.email, input.now));
    return user;
  }

  /** Rebuilds a user from storage; no events, no validation (the data was valid when saved). */
  static restore(props: UserProps): User {
    return new User({ ...props });
  }

  get id(): string {
    return this.props.id;
  }
  get name(): string {
    return this.props.name;
  }
  get email(): string {
    return this.props.email;
  }
  get passwordHash(): string {
    return this.props.passwordHash;
  }
  get isActive(): boolean {
    return this.props.isActive;
  }
  get emailConfirmed(): boolean {
    return this.props.emailConfirmedAt !== null;
  }
  get emailConfirmedAt(): Date | null {
    return this.props.emailConfirmedAt;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }

  /** A new password (already hashed): after a reset or a change. */
  changePassword(passwordHash: string, now: Date): void {
    this.props.passwordHash = passwordHash;
    this.props.updatedAt = now;
  }

  /** The link mailed to the current address was followed. */
  confirmEmail(now: Date): void {
    if (this.props.emailConfirmedAt) return;
    this.props.emailConfirmedAt = now;
    this.props.updatedAt = now;
  }

  /** A new address, confirmed by the link mailed to it: it is confirmed from the start. */
  changeEmail(email: string, now: Date): void {
    this.props.email = normalizeEmail(email);
    this.props.emailConfirmedAt = now;
    this.props.updatedAt = now;
  }

  toProps(): UserProps {
    return { ...this.props };
  }
}
