import type { StrictHttpResponse } from '@primetrade/api-client';
import type { Observable } from 'rxjs';

// Types derived from the generated operation functions rather than from schema names: the
// operation ids are part of the contract, the DTO class names behind the schemas are not.

/** The response body type of a generated SDK function. */
export type ResponseOf<F> = F extends (...args: never[]) => Observable<StrictHttpResponse<infer R>> ? R : never;

/** The params object of a generated SDK function. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ParamsOf<F> = F extends (http: any, rootUrl: string, params: infer P, ...rest: any[]) => unknown ? NonNullable<P> : never;
