import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number): void;
  update(done: number, label: string): void;
  stop(): void;
}

/** A progress bar on stderr when it is a terminal; plain lines otherwise so logs stay readable. */
export function createProgress(enabled: boolean): Progress {
  if (!enabled) return { start() {}, update() {}, stop() {} };
  if (!process.stderr.isTTY) {
    return {
      start: (total) => process.stderr.write(`ingesting ${total} file(s)\n`),
      update: (done, label) => { if (label) process.stderr.write(`  [${done}] ${label}\n`); },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: ' {bar} {value}/{total} files | {label}',
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  return {
    start: (total) => bar.start(total, 0, { label: '' }),
    update: (done, label) => bar.update(done, { label: label.slice(-50) }),
    stop: () => bar.stop(),
  };
}
