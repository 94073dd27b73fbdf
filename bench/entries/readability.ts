/** Bundled by bench/run.ts into an IIFE that sets `window.__readability`: Mozilla's Readability, the reference point. */
import { Readability, isProbablyReaderable } from '@mozilla/readability';

const api = { Readability, isProbablyReaderable };
export type ReadabilityBenchApi = typeof api;
(globalThis as unknown as { __readability: ReadabilityBenchApi }).__readability = api;
