import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: digest build speed and peak memory at 5, 100, 1,000 and 10,000 generated articles,
 * then answer latency over the 1,000- and 10,000-article sets. Targets (2 cores): 1,000 articles < 3 s;
 * 10,000 < 30 s and < 1 GB; answers p95 < 50 ms at 10,000.
 */
const here = dirname(fileURLToPath(import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '5,100,1000,10000').split(',').map(Number);

function run(script: string, size: number): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(here, script), String(size)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Record<string, number>;
}

console.log('Digest build (parse + extract + ground)');
console.log('articles   seconds   articles/s   peak MB   figures   quotes   timeline');
for (const size of sizes) {
  const r = run('digest-bench.ts', size);
  console.log(
    `${String(size).padStart(8)} ${r.seconds?.toFixed(2).padStart(9)} ${Math.round(r.articlesPerSecond ?? 0)
      .toString()
      .padStart(12)} ${Math.round(r.peakMemoryMB ?? 0)
      .toString()
      .padStart(
        9,
      )} ${String(r.figures).padStart(9)} ${String(r.quotes).padStart(8)} ${String(r.timeline).padStart(10)}`,
  );
}

if (existsSync(join(here, 'answer-bench.ts'))) {
  console.log('\nAnswers (after the index is built)');
  console.log('articles   index s   questions   p50 ms   p95 ms   peak MB');
  for (const size of sizes.filter((s) => s >= 1000)) {
    const r = run('answer-bench.ts', size);
    console.log(
      `${String(size).padStart(8)} ${r.indexSeconds?.toFixed(2).padStart(9)} ${String(r.questions).padStart(11)} ${r.p50?.toFixed(1).padStart(8)} ${r.p95?.toFixed(1).padStart(8)} ${Math.round(
        r.peakMemoryMB ?? 0,
      )
        .toString()
        .padStart(9)}`,
    );
  }
}
