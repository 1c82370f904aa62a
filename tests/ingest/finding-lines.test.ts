/**
 * A finding's first line is where its printed figure stands: the 数据校验 view marks it
 * （印出处） and the 绩效评价 view links to it. Checked over every finding of the shipped bundles
 * against the source texts, with the source viewer's own matching (findFigures).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@/data/schema';
import { findFigures } from '@/features/sources/source-data';
import { IDS } from '../features/real-data';

const DATA = new URL('../../public/data/', import.meta.url);

function load(id: string): { findings: Finding[]; lines: string[] } {
  const bundle = JSON.parse(readFileSync(new URL(`${id}.json`, DATA), 'utf8')) as {
    findings: Finding[];
  };
  const text = readFileSync(new URL(`sources/${id}.txt`, DATA), 'utf8');
  return { findings: bundle.findings, lines: text.split(/\r?\n/) };
}

describe('finding lines', () => {
  it('list the line of the printed figure first, in every shipped bundle', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const id of Object.values(IDS)) {
      const { findings, lines } = load(id);
      for (const f of findings) {
        const printed = f.printed.replace(/(万元|元|%)$/, '');
        const holds = (line: number) => findFigures(lines[line - 1] ?? '', printed).length > 0;
        if (printed === '' || !f.lines.some(holds)) continue;
        checked++;
        if (!holds(f.lines[0] ?? 0)) wrong.push(`${f.id}: ${f.printed} not on line ${f.lines[0]}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it('put the district’s “支出进度82.26%” (line 1218) before its amounts (line 1216)', () => {
    const f = load('shuocheng-district-dept-2023-final').findings.find(
      (x) => x.id === 'perf-summary-rate-L1218',
    );
    expect(f?.lines).toEqual([1218, 1216]);
  });
});
