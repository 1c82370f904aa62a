import { launch, runApp, runFloor, runScrollApp, runScrollFloor } from './measure';
const b = await launch('/usr/bin/chromium');
const t = { cold: 60000, loaded: 120000, step: 60000 };
for (const s of process.argv.slice(2)) {
  const t0 = Date.now();
  if (s === 'big') {
    console.log('app', await runScrollApp(b, `file:///tmp/bench-sites/big/index.html`, 10000, t));
    console.log('floor', await runScrollFloor(b, `file:///tmp/bench-sites/big/floor.html`, 'big-table-2024-final', t));
  } else {
  const r = await runApp(b, `file:///tmp/bench-sites/${s}/index.html`, t, async (p) => { await p.screenshot({ path: `/tmp/bench-sites/${s}.png` }); });
  console.log(s, JSON.stringify(r), Date.now() - t0);
  console.log(JSON.stringify(await runFloor(b, `file:///tmp/bench-sites/${s}/floor.html`, t)));
  }
}
await b.close();
