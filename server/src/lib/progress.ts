/**
 * A terminal progress bar for long CLI work (import, reindex): redraws one line on a TTY, prints a
 * line every 10% otherwise (CI logs), and always prints the final figures.
 */
export class ProgressBar {
  private lastPct = -1;
  private readonly started = Date.now();

  constructor(
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number, note = ''): void {
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const rate = done / Math.max(0.001, (Date.now() - this.started) / 1000);
    const line = `${this.label} [${bar}] ${String(pct).padStart(3)}% ${done}/${total} ${rate.toFixed(0)}/s ${note}`;
    if (this.out.isTTY) {
      this.out.write(`\r${line.padEnd(100)}`);
    } else if (Math.floor(pct / 10) !== Math.floor(this.lastPct / 10) || done === total) {
      this.out.write(`${line}\n`);
    }
    this.lastPct = pct;
  }

  done(summary: string): void {
    const secs = ((Date.now() - this.started) / 1000).toFixed(1);
    this.out.write(`${this.out.isTTY ? '\n' : ''}${this.label}: ${summary} (${secs} s)\n`);
  }
}
