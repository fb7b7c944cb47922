// Prints the widget loader's size, raw and gzipped, against the 10 KB (gzipped) target, and the
// form's size for reference (it is loaded only when a visitor opens the widget).
// Run: npm run bench:widget-size (builds the widget first). Exits 0 either way, like every benchmark.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const TARGET = 10 * 1024;
const files = [
  ['loader widget.js', 'client/dist-widget/widget.js', TARGET],
  ['form widget-form.js (on demand)', 'client/dist-widget/widget-form.js', null],
];
for (const [label, path, target] of files) {
  const data = readFileSync(path);
  const gzipped = gzipSync(data, { level: 9 }).length;
  const verdict = target === null ? '' : gzipped <= target ? '  PASS' : '  MISS';
  console.log(
    `${label.padEnd(34)} ${String(data.length).padStart(7)} B raw  ${String(gzipped).padStart(6)} B gzipped${target === null ? '' : `  (target ≤ ${target} B)`}${verdict}`,
  );
}
