// Times DuckDB (single thread) on the OHLCV files written by the C# side-by-side runner:
//   scan = aggregate over every column (forces every column to be decoded),
//   rewrite = COPY (SELECT * FROM file) TO out.parquet with the same codec.
// Usage: node scripts/bench-parquet-duckdb.mjs DIR RUNS   (run by scripts/bench-parquet-duckdb.sh)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [dir, runsArg] = process.argv.slice(2);
const kit = process.env.QF_PARQUET_KIT;
const require = createRequire(path.join(kit, 'package.json'));
const { DuckDBInstance } = await import(require.resolve('@duckdb/node-api'));

const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
const conn = await instance.connect();
await conn.run('SET threads=1');
const version = (await conn.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0].v;
const runs = Number(runsArg || 7);
const q = (s) => `'${s.replace(/'/g, "''")}'`;

async function median(fn) {
  await fn(); await fn();
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  t.sort((a, b) => a - b);
  return process.env.QF_BENCH_STAT === 'best' ? t[0] : t[Math.floor(runs / 2)];
}

for (const codec of ['uncompressed', 'snappy', 'zstd', 'lz4_raw']) {
  const file = path.join(dir, `ohlcv_${codec}.parquet`);
  const out = path.join(dir, `duck_rewrite_${codec}.parquet`);
  const bytes = fs.statSync(file).size;
  const scan = await median(() => conn.runAndReadAll(
    `SELECT min(ts), max(symbol), sum(open), sum(high), sum(low), sum(close), sum(volume) FROM read_parquet(${q(file)})`));
  const rewrite = await median(() => conn.run(
    `COPY (SELECT * FROM read_parquet(${q(file)})) TO ${q(out)} (FORMAT parquet, COMPRESSION ${codec})`));
  for (const [op, ms] of [['read', scan], ['rewrite', rewrite]]) {
    console.log(JSON.stringify({ impl: `duckdb ${version}`, codec, op, ms: Number(ms.toFixed(2)), bytes }));
  }
  fs.rmSync(out, { force: true });
}
