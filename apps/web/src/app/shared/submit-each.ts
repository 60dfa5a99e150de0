import { catchError, exhaustMap, map, type Observable, of, type OperatorFunction } from 'rxjs';
import { type Problem, toProblem } from '../core/http/problem';

/**
 * One API call per submit, ignoring submits while a call is in flight (exhaustMap: a double
 * click cannot post twice). `onStart` runs as each call starts; emits null on success or the
 * call's Problem.
 */
export function submitEach(call: () => Observable<unknown>, onStart: () => void): OperatorFunction<void, Problem | null> {
  return (submits) =>
    submits.pipe(
      exhaustMap(() => {
        onStart();
        return call().pipe(
          map(() => null),
          catchError((error: unknown) => of(toProblem(error))),
        );
      }),
    );
}
