#!/usr/bin/env node
// Helper of bench-allocation-peer.sh.
//   node bench-allocation-peer.mjs generate OUT.csv [assets=500] [days=2000] [seed=42]
//     writes seeded synthetic daily simple returns with a 5-factor structure: header "date,A000,...".
//   node bench-allocation-peer.mjs report PEER.json BDN-report.csv
//     prints our BenchmarkDotNet means next to the peer's medians and the ratio best-peer / ours.
import { readFileSync, writeFileSync } from 'node:fs';

const [cmd, ...rest] = process.argv.slice(2);

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(out, assets = 500, days = 2000, seed = 42) {
  const rnd = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const K = 5;
  const f = Array.from({ length: K }, () => Array.from({ length: days }, () => normal() * 0.01));
  const cols = [];
  for (let j = 0; j < assets; j++) {
    const load = Array.from({ length: K }, () => rnd() * 1.2);
    const idio = 0.01 + 0.02 * rnd();
    const drift = (rnd() - 0.3) * 0.001;
    const c = new Float64Array(days);
    for (let t = 0; t < days; t++) {
      let v = drift + idio * normal();
      for (let k = 0; k < K; k++) v += load[k] * f[k][t];
      c[t] = v;
    }
    cols.push(c);
  }
  const names = Array.from({ length: assets }, (_, j) => 'A' + String(j).padStart(3, '0'));
  const lines = ['date,' + names.join(',')];
  const start = Date.UTC(2015, 0, 1);
  for (let t = 0; t < days; t++) {
    const d = new Date(start + t * 86400000).toISOString().slice(0, 10);
    const row = [d];
    for (let j = 0; j < assets; j++) row.push(cols[j][t].toPrecision(17));
    lines.push(row.join(','));
  }
  writeFileSync(out, lines.join('\n') + '\n');
}

function parseCsvLine(line) {
  const out = [];
  let cur = '', q = false;
  for (const ch of line) {
    if (ch === '"') q = !q;
    else if (ch === ',' && !q) { out.push(cur); cur = ''; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

function toMs(cell) {
  const m = /^\s*([\d.,]+)\s*(ns|μs|us|ms|s)\s*$/.exec(cell);
  if (!m) return NaN;
  const v = Number(m[1].replace(/,/g, ''));
  return { ns: 1e-6, 'μs': 1e-3, us: 1e-3, ms: 1, s: 1000 }[m[2]] * v;
}

function report(peerFile, bdnFile) {
  const peer = JSON.parse(readFileSync(peerFile, 'utf8'));
  const lines = readFileSync(bdnFile, 'utf8').trim().split(/\r?\n/);
  const header = parseCsvLine(lines[0]);
  const iMethod = header.indexOf('Method'), iMean = header.indexOf('Mean'), iMedian = header.indexOf('Median');
  const ours = {};
  for (const l of lines.slice(1)) {
    const c = parseCsvLine(l);
    ours[c[iMethod]] = { mean: toMs(c[iMean]), median: iMedian >= 0 ? toMs(c[iMedian]) : NaN };
  }
  // PyPortfolioOpt (numpy/scipy) cannot be installed here: its figures were measured earlier on this machine.
  const pypfopt = { cov: 241, ledoit_wolf: 849, hrp: 1560 };
  // portfolio-allocation measured earlier on this machine when it was not loaded (issue 4).
  const paEarlier = { cov: 1200, erc: 44, gmv: 330, maxsharpe: 6200 };
  const rows = [
    ['covariance', 'Covariance', 'cov', 'cov', 25],
    ['ledoit_wolf', 'LedoitWolfShrinkage', null, 'ledoit_wolf', 40],
    ['hrp (incl. linkage)', 'Hrp', null, 'hrp', 60],
    ['min variance', 'MinimumVariance', 'gmv', null, 30],
    ['max sharpe', 'MaximumSharpe', 'maxsharpe', null, 100],
    ['erc', 'Erc', 'erc', null, 5],
  ];
  const fmt = v => (Number.isFinite(v) ? v.toFixed(2) : '-').padStart(10);
  console.log(`assets ${peer.assets}, periods ${peer.periods}; ours = BenchmarkDotNet mean (ms), peer = median (ms)`);
  console.log('operation'.padEnd(22) + 'ours'.padStart(10) + 'target'.padStart(10) + 'pa (JS)'.padStart(10) + 'pa*'.padStart(10) + 'pypfopt*'.padStart(10) + 'best peer'.padStart(10) + '  ratio (best peer / ours)');
  for (const [label, bdn, js, py, target] of rows) {
    const o = ours[bdn]?.mean ?? NaN;
    const jsMs = js && peer.methods[js] && !peer.methods[js].error ? peer.methods[js].median_ms : NaN;
    const pyMs = py ? pypfopt[py] : NaN;
    const paMs = js ? paEarlier[js] : NaN;
    const best = Math.min(...[jsMs, paMs, pyMs].filter(Number.isFinite));
    console.log(label.padEnd(22) + fmt(o) + fmt(target) + fmt(jsMs) + fmt(paMs) + fmt(pyMs) + fmt(best) + (Number.isFinite(o) ? `  ${(best / o).toFixed(1)}x${o <= target ? '' : '  (above target)'}` : '  n/a (no benchmark figure)'));
  }
  if (peer.methods.clusterrp && !peer.methods.clusterrp.error) {
    console.log(`(peer cluster risk parity, a different method than HRP: ${peer.methods.clusterrp.median_ms.toFixed(2)} ms)`);
  }
  console.log('* measured earlier on this machine (PyPortfolioOpt is not installable offline); pa (JS) = portfolio-allocation run in this session on the same returns file; best peer = the fastest of the three.');
}

if (cmd === 'generate') generate(rest[0], Number(rest[1] ?? 500), Number(rest[2] ?? 2000), Number(rest[3] ?? 42));
else if (cmd === 'report') report(rest[0], rest[1]);
else { console.error('usage: bench-allocation-peer.mjs generate OUT [assets days seed] | report PEER.json BDN.csv'); process.exit(2); }
