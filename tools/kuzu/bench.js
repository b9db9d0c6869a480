// Times queries on Kuzu for tools/bench/query_bench.cc, over the graph it wrote as Kuzu files.
//
//   node tools/kuzu/bench.js DIR QUERIES RUNS
//
// DIR holds kuzu/load.cypher (tools/kuzu/kuzu_csv.h); the Kuzu database is built once into DIR/kuzu-db and
// reused. QUERIES has one "name<TAB>query" a line. Prints "name<TAB>median ms<TAB>rows" a line: each query
// runs three times to warm up, then RUNS times, timed from the call to the last row read.
'use strict';

const fs = require('fs');
const path = require('path');

const kuzu = require(path.join(__dirname, '..', '..', 'build', 'kuzu', 'node_modules', 'kuzu'));

async function main() {
  const [dir, list, runsText] = process.argv.slice(2);
  const runs = Number(runsText);
  const dbPath = path.join(dir, 'kuzu-db');
  const loaded = path.join(dir, 'kuzu-db.loaded');
  if (!fs.existsSync(loaded)) {
    fs.rmSync(dbPath, { recursive: true, force: true });
    const db = new kuzu.Database(dbPath);
    const conn = new kuzu.Connection(db);
    const started = Date.now();
    const load = fs.readFileSync(path.join(dir, 'kuzu', 'load.cypher'), 'utf8').split('\n');
    for (const statement of load.filter((l) => l.trim() !== '')) await conn.query(statement);
    await db.close();
    fs.writeFileSync(loaded, '');
    console.error(`Kuzu: loaded the graph in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const db = new kuzu.Database(dbPath);
  const conn = new kuzu.Connection(db);
  for (const line of fs.readFileSync(list, 'utf8').split('\n').filter((l) => l !== '')) {
    const [name, query] = line.split('\t');
    const times = [];
    let rows = 0;
    for (let run = -3; run < runs; ++run) {
      const start = process.hrtime.bigint();
      const result = await conn.query(query);
      rows = (await result.getAll()).length;
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      result.close();
      if (run >= 0) times.push(ms);
    }
    times.sort((a, b) => a - b);
    console.log(`${name}\t${times[Math.floor(times.length / 2)]}\t${rows}`);
  }
}

main().catch((e) => {
  console.error(`kuzu bench: ${e.message}`);
  process.exit(1);
});
