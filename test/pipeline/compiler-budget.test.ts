import { describe, expect, it } from 'vitest';
import { compilerBudgetFlag, PIPELINE_INTERRUPT_BUDGET } from '../../src/pipeline/compiler-budget.js';

describe('compilerBudgetFlag', () => {
  const ours = `--interrupt-budget=${PIPELINE_INTERRUPT_BUDGET}`;
  const cases: Array<[string, NodeJS.ProcessEnv, string[], string | undefined]> = [
    ['no choice made: the pipeline budget', {}, [], ours],
    ['other node options leave it', {}, ['--max-old-space-size=2048', '--enable-source-maps'], ours],
    ["the user's budget wins", {}, ['--interrupt-budget=1000'], undefined],
    ['in V8 spelling too', {}, ['--interrupt_budget=1000'], undefined],
    ['V8 defaults asked for', { DIPLOGRAPH_V8_DEFAULTS: '1' }, [], undefined],
    ['only "1" asks for them', { DIPLOGRAPH_V8_DEFAULTS: '0' }, [], ours],
    ['a longer flag of another name is not a budget', {}, ['--interrupt-budget-for-feedback-allocation=940'], ours],
  ];
  it.each(cases)('%s', (_name, env, execArgv, expected) => {
    expect(compilerBudgetFlag(env, execArgv)).toBe(expected);
  });

  it('is larger than V8\'s default budget (132 KB), or it would change nothing', () => {
    expect(PIPELINE_INTERRUPT_BUDGET).toBeGreaterThan(132 * 1024);
  });
});
