import { afterNextRender } from '@angular/core';

/**
 * Runs `fn` once the component's first render has been painted: after the render, the next
 * animation frame (which paints it), then a task. Requests that are not needed for the first
 * frame start here, so the browser paints first. Call in an injection context.
 */
export function afterFirstPaint(fn: () => void): void {
  afterNextRender(() => requestAnimationFrame(() => setTimeout(fn)));
}
