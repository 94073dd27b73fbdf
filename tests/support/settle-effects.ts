/**
 * Preact runs effects after the next frame, with a 100 ms timer as the fallback (preact/hooks afterNextFrame). A DOM
 * test file that ends within those 100 ms leaves that timer to fire after jsdom's window is gone, where it calls
 * cancelAnimationFrame and Vitest reports an unhandled error. Each jsdom file waits for it before its environment closes.
 */
import { afterAll } from 'vitest';

/** Longer than preact's 100 ms fallback timer. */
const PREACT_EFFECT_FALLBACK_MS = 150;

if (typeof window !== 'undefined') afterAll(() => new Promise((resolve) => setTimeout(resolve, PREACT_EFFECT_FALLBACK_MS)));
