#!/usr/bin/env node
// Helper of bench-allocation-peer.sh (copied next to the installed peer): the peer's whole job once, as a user
// runs it — read the returns CSV, covariance, global minimum variance weights, print them — no warm-up, no repeat.
//   node peer-job.mjs RETURNS.csv
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const PA = require('portfolio-allocation');

const lines = readFileSync(process.argv[2], 'utf8').trim().split(/\r?\n/);
const names = lines[0].split(',').slice(1);
const cols = names.map(() => []);
for (const line of lines.slice(1)) {
  const cells = line.split(',');
  for (let j = 0; j < names.length; j++) cols[j].push(Number(cells[j + 1]));
}
const w = PA.globalMinimumVarianceWeights(PA.covarianceMatrix(cols));
console.log(JSON.stringify(Object.fromEntries(names.map((n, j) => [n, w[j]]))));
