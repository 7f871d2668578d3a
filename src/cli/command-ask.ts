import { Command, Option } from 'commander';
import { askQuestion } from '../ask/ask-question.js';
import { askWithLlm } from '../ask/llm/ask-with-llm.js';
import { llmConfigFromEnv } from '../ask/llm/llm-config.js';
import { renderAnswer } from '../ask/render-answer.js';
import { openExisting } from './open-existing.js';
import { dbOption, UsageError } from './shared-options.js';

export function askCommand(): Command {
  return new Command('ask')
    .description('answer a question from the knowledge base, citing the sentence behind every claim')
    .argument('<question...>', 'the question, e.g. "Which countries have not condemned Russia?"')
    .addOption(dbOption())
    .addOption(new Option('--format <format>', 'output format: text or json').choices(['text', 'json']).default('text'))
    .option('--llm', 'let a language model write the answer (DIPLOGRAPH_LLM_URL, DIPLOGRAPH_LLM_MODEL, DIPLOGRAPH_LLM_KEY); quotes are checked')
    .action(async (words: string[], opts) => {
      const question = words.join(' ');
      const config = opts.llm ? llmConfigFromEnv() : undefined;
      if (opts.llm && !config) throw new UsageError('--llm needs DIPLOGRAPH_LLM_URL and DIPLOGRAPH_LLM_MODEL (e.g. http://127.0.0.1:11434/v1 and a model name)');
      const kb = await openExisting(opts.db);
      try {
        const answer = config ? await askWithLlm(kb, question, config) : await askQuestion(kb, question);
        process.stdout.write(opts.format === 'json' ? `${JSON.stringify(answer, null, 2)}\n` : renderAnswer(answer));
      } finally {
        await kb.close();
      }
    });
}
