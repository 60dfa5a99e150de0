import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UserNotFoundError } from '../../../model/identity.errors';
import { UserRepository } from '../../../ports/user.repository.port';
import { toUserView, type UserView } from '../../user.view';
import { GetMeQuery } from './get-me.query';

@QueryHandler(GetMeQuery)
export class GetMeHandler implements IQueryHandler<GetMeQuery> {
  constructor(private readonly users: UserRepository) {}

  async execute(query: GetMeQuery): Promise<UserView> {
    const user = await this.users.findById(query.userId);
    if (!user || !user.isActive) throw new UserNotFoundError();
    return toUserView(user);
  }
}
