import { computed, signal } from '@angular/core';
import { Problem } from './problem';

export type CallState = 'idle' | 'loading' | 'loaded' | { problem: Problem };

/** One reusable piece for loading / error state: every page reads it the same way. */
export function createCallState() {
  const state = signal<CallState>('idle');
  return {
    state: state.asReadonly(),
    loading: computed(() => state() === 'loading'),
    loaded: computed(() => state() === 'loaded'),
    problem: computed(() => {
      const value = state();
      return typeof value === 'object' ? value.problem : null;
    }),
    setLoading: () => state.set('loading'),
    setLoaded: () => state.set('loaded'),
    setIdle: () => state.set('idle'),
    setProblem: (problem: Problem) => state.set({ problem }),
  };
}

export type CallStateRef = ReturnType<typeof createCallState>;
