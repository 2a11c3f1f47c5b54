// Types of bench/generate.mjs, for the test that checks it (test/unit/bench/generate.test.ts).
export declare const OUT_DIR: string;
export declare function mulberry32(seed: number): () => number;

export interface GenerateOptions {
  tools?: number;
  seed?: number;
  width?: number;
  rate?: number;
  /** `synthetic` (the default) or `realistic`: every tool with input and output schemas, about 2.6 KB of snapshot each. */
  profile?: 'synthetic' | 'realistic';
}

export declare function generateSnapshot(options?: GenerateOptions): Record<string, unknown>;
export declare function churn(base: Record<string, unknown>, options?: { seed?: number; rate?: number; width?: number; profile?: 'synthetic' | 'realistic' }): { head: Record<string, unknown>; applied: Record<string, number> };
export declare function generatePair(options?: GenerateOptions): { base: string; head: string; applied: Record<string, number> };
export declare function writePair(dir: string, name: string, options?: GenerateOptions): { basePath: string; headPath: string; applied: Record<string, number>; bytes: number };
export declare function adversarialPairs(): Record<string, { what: string; extra: boolean; base: string; head: string }>;
