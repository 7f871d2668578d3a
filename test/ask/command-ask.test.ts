import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeBase } from '../../src/kb/open-knowledge-base.js';
import { storeDocument } from '../../src/kb/store-document.js';
import { runCli } from '../helpers/run-cli.js';
import { askDocument } from './ask-fixture.js';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-ask-cli-'));
  db = path.join(dir, 'kb.sqlite');
  const kb = await openKnowledgeBase(db);
  await storeDocument(kb, askDocument());
  await kb.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('diplograph ask', () => {
  it('prints the answer and its sources', async () => {
    const run = await runCli(['ask', 'Who', 'condemned', 'Betastan?', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Alphaland \[1\]\./);
    expect(run.stdout).toMatch(/Sources:\n\[1\] .*sentence 1/);
    expect(run.stdout).toContain('Alphaland condemned Betastan in March 2022.');
  });

  it('prints JSON with --format json', async () => {
    const run = await runCli(['ask', 'What is the status of the Delta Accord?', '--db', db, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'answered', items: [{ kind: 'status', value: 'suspended' }] });
  });

  it('says when the knowledge base has no answer', async () => {
    const run = await runCli(['ask', 'Who condemned Gammaria?', '--db', db]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Not in the knowledge base/);
  });

  it('needs a model configured for --llm, and an existing knowledge base', async () => {
    const saved = process.env.DIPLOGRAPH_LLM_URL;
    delete process.env.DIPLOGRAPH_LLM_URL;
    try {
      expect((await runCli(['ask', 'Who?', '--db', db, '--llm'])).code).toBe(2);
    } finally {
      if (saved !== undefined) process.env.DIPLOGRAPH_LLM_URL = saved;
    }
    const missing = await runCli(['ask', 'Who?', '--db', path.join(dir, 'none.sqlite')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no knowledge base/);
  });
});
