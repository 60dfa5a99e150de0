import type { getMe, login, register } from '@primetrade/api-client';
import type { ParamsOf, ResponseOf } from './sdk-types';

export type User = ResponseOf<typeof getMe>;
export type Tokens = ResponseOf<typeof login>;
export type Credentials = ParamsOf<typeof login>['body'];
export type Registration = ParamsOf<typeof register>['body'];
