import { launch } from './measure';
const b = await launch('/usr/bin/chromium');
const p = await b.newPage({ viewport: { width: 1920, height: 1080 } });
for (const v of ['execution', 'yoy', 'sangong', 'performance']) {
  await p.goto(`file:///tmp/bench-sites/u5/index.html#/${v}`);
  await p.waitForTimeout(2500);
  const info = await p.evaluate(() => {
    const w = document.querySelector('.recharts-wrapper');
    const cls = new Map<string, number>();
    document.querySelectorAll('.recharts-wrapper svg *').forEach((e) => { const c = (e.getAttribute('class') || e.tagName); cls.set(c, (cls.get(c) ?? 0) + 1); });
    return { wrappers: document.querySelectorAll('.recharts-wrapper').length, parent: w ? [...w.children].map((c) => c.tagName + '.' + c.getAttribute('class')) : null, cls: [...cls].slice(0, 40) };
  });
  console.log(v, JSON.stringify(info));
}
await b.close();
