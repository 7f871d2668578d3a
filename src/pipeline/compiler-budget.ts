import v8 from 'node:v8';

/**
 * V8 counts the bytecode a function runs and hands it to its optimising compiler (TurboFan) once
 * the count passes the interrupt budget (132 KB by default). The pipeline has many functions that
 * run a little on every document, so with the default budget an ingest of 300 UN speeches sent
 * ~700 functions to TurboFan, most of them lukewarm; four times the budget sent ~250 and the hot
 * ones still get optimised (see the commit that added this for the measured instruction counts).
 */
export const PIPELINE_INTERRUPT_BUDGET = 4 * 132 * 1024;

const FLAG = '--interrupt-budget';

/**
 * The V8 flag diplograph runs with, or undefined where V8 is left as it is: the user chose a budget
 * (--interrupt-budget among node's options) or asked for V8's defaults (DIPLOGRAPH_V8_DEFAULTS=1,
 * e.g. to measure them).
 */
export function compilerBudgetFlag(env: NodeJS.ProcessEnv, execArgv: readonly string[]): string | undefined {
  if (env.DIPLOGRAPH_V8_DEFAULTS === '1') return undefined;
  const chosen = execArgv.some((a) => /^--interrupt[-_]budget(=|$)/.test(a));
  return chosen ? undefined : `${FLAG}=${PIPELINE_INTERRUPT_BUDGET}`;
}

/** Set the flag for this process (worker threads started later share it); returns what was set. */
export function applyCompilerBudget(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): string | undefined {
  const flag = compilerBudgetFlag(env, execArgv);
  if (flag) v8.setFlagsFromString(flag);
  return flag;
}
