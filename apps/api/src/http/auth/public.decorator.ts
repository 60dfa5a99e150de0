import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'auth:public';

/** Opts a route out of the global bearer-token guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
