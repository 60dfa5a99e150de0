import { Query } from '@nestjs/cqrs';
import type { UserView } from '../../user.view';

export class GetMeQuery extends Query<UserView> {
  constructor(readonly userId: string) {
    super();
  }
}
