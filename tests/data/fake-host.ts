/** A ScriptHost without a browser: each "script" is a function that fills the globals, or is missing. */
import type { BudgetGlobals, ScriptHost } from '@/data/load';

export interface FakeHost extends ScriptHost {
  /** Every src asked for, in order. */
  readonly requested: string[];
}

export function fakeHost(
  scripts: Record<string, (g: BudgetGlobals) => void>,
  globals: BudgetGlobals = {},
): FakeHost {
  const requested: string[] = [];
  return {
    globals,
    requested,
    async loadScript(src) {
      requested.push(src);
      const run = scripts[src];
      if (!run) throw new Error(`404 ${src}`);
      run(globals);
    },
  };
}

/** Script body that registers bundle `id`, as the ingest's <id>.js does. */
export const registerBundle = (id: string, json: unknown) => (g: BudgetGlobals) => {
  (g.__BUDGET_BUNDLES__ ??= {})[id] = json;
};
