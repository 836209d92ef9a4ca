/** A one-line progress bar on stderr (a plain count when stderr is not a terminal). */
export function progressBar(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
) {
  let last = -1;
  const width = 30;
  return {
    update(done: number) {
      const pct = total === 0 ? 100 : Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      if (stream.isTTY) {
        const filled = Math.round((pct / 100) * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${pct}% (${done}/${total})`,
        );
      } else if (pct % 25 === 0) {
        stream.write(`${label}: ${pct}% (${done}/${total})\n`);
      }
    },
    finish() {
      this.update(total);
      if (stream.isTTY) stream.write('\n');
    },
  };
}
