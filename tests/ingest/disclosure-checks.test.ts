/**
 * The disclosure checks of the ingest (src/ingest/checks/disclosure-checks.ts): each one on a real source text changed
 * in one place (the finding must name that place), and on the five texts as published (which pass
 * every one of them: each empty table is explained, years, names and 目录 agree, no percent has
 * more than two decimals, 三公 is given in total and by item). Line numbers typed from the texts.
 */
import { readFileSync } from 'node:fs';
import type { Finding } from '@/data/schema';
import { buildBundle } from '@/ingest/build-bundle';
import { makeSourceDoc } from '@/ingest/source-doc';

const PROVINCE = 'shanxi-province-bureau-2024-final';
const CENTER = 'datong-service-center-2024-final';
const BUDGET = 'datong-city-bureau-2026-budget';
const ALL = [
  PROVINCE,
  CENTER,
  BUDGET,
  'datong-city-dept-2024-final',
  'shuocheng-district-dept-2023-final',
];

function source(id: string): string {
  return readFileSync(new URL(`../../public/data/sources/${id}.txt`, import.meta.url), 'utf8');
}

/** The text with line `n` (1-based) rewritten; the line must contain `from`. */
function edit(text: string, n: number, from: string, to: string): string {
  const lines = text.split('\n');
  const line = lines[n - 1] ?? '';
  if (!line.includes(from)) throw new Error(`line ${n} has no "${from}": ${line}`);
  lines[n - 1] = line.replace(from, to);
  return lines.join('\n');
}

function findings(id: string, text: string): Finding[] {
  return buildBundle(makeSourceDoc(`${id}.txt`, text), text).bundle.findings;
}

const NEW_IDS = /^disc-/;

describe('the five published texts', () => {
  it.each(ALL)('%s passes every disclosure check', (id) => {
    expect(findings(id, source(id)).filter((f) => NEW_IDS.test(f.id))).toEqual([]);
  });
});

describe('a table printed empty must be explained', () => {
  it('flags 公开07 when the text no longer says 本年度无此项收支 (line 494)', () => {
    const text = edit(source(PROVINCE), 494, '本年度无此项收支。', '详见公开07表。');
    const f = findings(PROVINCE, text).find((x) => x.id === 'disc-empty-公开07');
    expect(f).toMatchObject({ severity: 'warning', kind: 'completeness', lines: [328] });
    expect(f?.message).toContain('公开07“政府性基金预算财政拨款收入支出决算表”注明“本表无数据”');
    // 公开08 is still explained on line 498.
    expect(findings(PROVINCE, text).some((x) => x.id === 'disc-empty-公开08')).toBe(false);
  });

  it('accepts "…支出决算0万元" as the reason the service center 三公 table is empty', () => {
    // Line 512: “三公”经费财政拨款支出全年预算0万元，支出决算0万元 (公开09 at line 381 is empty).
    const text = edit(source(CENTER), 512, '全年预算0万元，支出决算0万元', '详见公开09表');
    expect(findings(CENTER, source(CENTER)).some((x) => x.id === 'disc-empty-公开09')).toBe(false);
    expect(findings(CENTER, text).find((x) => x.id === 'disc-empty-公开09')?.lines).toEqual([381]);
  });
});

describe('收入决算表 财政拨款收入 against 财政拨款收入支出决算总表', () => {
  it('flags 公开02 合计 42,683.76 against 公开04 本年收入合计 42,683.67 (lines 134, 236)', () => {
    const text = edit(source(PROVINCE), 134, '42683.67', '42683.76');
    const f = findings(PROVINCE, text).find(
      (x) => x.kind === 'cross-table' && x.message.startsWith('公开02“合计”的“财政拨款收入”'),
    );
    expect(f).toMatchObject({
      severity: 'warning',
      expected: '42683.67',
      printed: '42683.76',
      lines: [134, 236],
    });
    expect(f?.message).toContain('公开04“本年收入合计”');
  });
});

describe('budget 三公: the text against 预算10, and 预算10 against itself', () => {
  /** 预算10 rows (lines 342–347) filled in; 预算10's "注：本表无数据" (line 349) removed. */
  function withTable(text: string): string {
    let t = text;
    const rows: [number, string, string][] = [
      [342, '因公出国（境）费', '0.00'],
      [343, '公务接待费', '1.20'],
      [344, '公务用车购置及运行费', '2.00'],
      [345, '①公务用车购置费', '0.00'],
      [346, '②公务用车运行维护费', '1.80'],
      [347, '合计', '3.00'],
    ];
    for (const [n, label, v] of rows)
      t = edit(t, n, `${label}\t\t\t\t`, `${label}\t${v}\t${v}\t\t`);
    return edit(t, 349, '注：本表无数据', '');
  }

  it('checks the table sums: 2.00 ≠ 0.00 + 1.80 and 3.00 ≠ 0.00 + 1.20 + 2.00', () => {
    const fs = findings(BUDGET, withTable(source(BUDGET))).filter(
      (x) => x.kind === 'sum' && x.message.startsWith('预算10'),
    );
    const total = fs.filter((x) => x.message.includes('“合计”的“合计”'));
    expect(total).toHaveLength(1);
    expect(total[0]).toMatchObject({
      expected: '3.20',
      printed: '3.00',
      lines: [347, 342, 343, 344],
    });
    const cars = fs.filter((x) => x.message.includes('“公务用车购置及运行费”的“合计”'));
    expect(cars[0]).toMatchObject({ expected: '1.80', printed: '2.00', lines: [344, 345, 346] });
  });

  it('compares the stated 三公 budget and items with 预算10 and wants every item', () => {
    const text = edit(
      withTable(source(BUDGET)),
      439,
      '本单位无“三公”经费预算。',
      '2026年“三公”经费财政拨款预算3.00万元，其中：因公出国（境）费0万元，公务接待费1.00万元，公务用车运行维护费1.80万元。',
    );
    const fs = findings(BUDGET, text);
    const reception = fs.find((x) => x.kind === 'narrative' && x.message.includes('公务接待费'));
    expect(reception).toMatchObject({ expected: '1.20', printed: '1.00', lines: [439, 343] });
    // The total 3.00 and the other items agree with the table: no finding for them.
    expect(fs.filter((x) => x.kind === 'narrative' && x.lines.includes(347))).toEqual([]);
    const items = fs.find((x) => x.id === 'disc-sangong-items');
    expect(items?.message).toBe(
      '情况说明中的“三公”经费没有按总额和分项逐一说明：缺少公务用车购置费',
    );
    expect(items?.lines).toEqual([439]);
  });

  it('flags "本单位无“三公”经费预算" (line 439) beside a 预算10 that prints 3.00', () => {
    const fs = findings(BUDGET, withTable(source(BUDGET)));
    const f = fs.find((x) => x.kind === 'narrative' && x.message.includes('无“三公”经费预算'));
    expect(f).toMatchObject({ severity: 'warning', printed: '3.00', lines: [439, 347] });
  });
});

describe('year, unit name and 目录 agree across the document', () => {
  it('flags a statement dated 2023 in the 2024 final accounts (line 422)', () => {
    const text = edit(source(PROVINCE), 422, '2024年度收入总计', '2023年度收入总计');
    const f = findings(PROVINCE, text).find((x) => x.id === 'disc-year');
    expect(f).toMatchObject({ kind: 'format', printed: '2023年', lines: [422] });
    expect(f?.message).toBe(
      '文件是 2024 年度决算，第 422 行却写作 2023 年（标题、表名或正文中的年度不一致）',
    );
  });

  it('takes neither a prior-year figure named as such nor a comparison wrapped after 比 for its year', () => {
    // As 上海's budgets print them: a paragraph opening "2023年当年预算执行数为60.13万元，2024年预算
    // 安排25.77万元，…", and "…公务用车购置费25万元，比" wrapped before "2023年预算增加25万元".
    const text = edit(
      source(BUDGET),
      443,
      '本单位机关运行经费财政拨款预算98.64万元，比2025年预算减少2.53万元',
      '2025年当年预算执行数为101.17万元，2026年预算安排98.64万元，比\n2025年预算减少2.53万元',
    );
    expect(findings(BUDGET, text).find((x) => x.id === 'disc-year')).toBeUndefined();
  });

  it('flags a budget table titled for another year (line 294)', () => {
    const text = edit(
      source(BUDGET),
      294,
      '2026年政府性基金预算收入表',
      '2025年政府性基金预算收入表',
    );
    expect(findings(BUDGET, text).find((x) => x.id === 'disc-year')?.lines).toEqual([294]);
  });

  it('flags another unit name on one table (line 125), and reads a wrapped name whole', () => {
    const text = edit(source(PROVINCE), 125, '山西省行政审批服务管理局', '山西省政务服务管理局');
    const f = findings(PROVINCE, text).find((x) => x.id === 'disc-unit-name');
    expect(f).toMatchObject({ printed: '山西省政务服务管理局', lines: [125] });
    // The city 部门 wraps "部门名称：大同市行政审批服 / 务管理局[部门]" over lines 410–411: no finding.
    const dept = 'datong-city-dept-2024-final';
    expect(findings(dept, source(dept)).some((x) => x.id === 'disc-unit-name')).toBe(false);
  });

  it('flags a table the 目录 lists but the body lacks, and one the 目录 leaves out', () => {
    // 目录 line 21: 九、财政拨款“三公”经费支出决算表.....15
    const text = edit(
      source(PROVINCE),
      21,
      '财政拨款“三公”经费支出决算表',
      '财政拨款会议费支出决算表',
    );
    const fs = findings(PROVINCE, text);
    expect(fs.find((x) => x.id === 'disc-toc-missing')).toMatchObject({
      lines: [21],
      message: '目录列出的“九、财政拨款会议费支出决算表”在正文中没有同名的表',
    });
    expect(fs.find((x) => x.id === 'disc-toc-unlisted')).toMatchObject({
      severity: 'info',
      lines: [366],
    });
  });
});

describe('percentages and 三公 by item', () => {
  it('flags a percentage printed with three decimals (line 422: 17.3% → 17.302%)', () => {
    const text = edit(source(PROVINCE), 422, '增长17.3%，支出', '增长17.302%，支出');
    const f = findings(PROVINCE, text).find((x) => x.id === 'disc-pct-places-422');
    expect(f).toMatchObject({ severity: 'info', kind: 'format', printed: '17.302%' });
    expect(f?.message).toContain('印到了 3 位小数');
  });

  it('flags a 三公 explanation without 公务接待费 (lines 512 and 522 reworded)', () => {
    // 公务接待费 is stated twice: 总体 (line 512) and 具体 (line 522); both must go.
    let text = edit(source(PROVINCE), 512, '公务接待费支出0.38万元', '另有支出0.38万元');
    expect(findings(PROVINCE, text).some((x) => x.id === 'disc-sangong-items')).toBe(false);
    text = edit(text, 522, '4、公务接待费支出0.38万元', '4、另有支出0.38万元');
    const f = findings(PROVINCE, text).find((x) => x.id === 'disc-sangong-items');
    expect(f?.message).toBe('情况说明中的“三公”经费没有按总额和分项逐一说明：缺少公务接待费');
    // Line 504 states the total 3.57; lines 506, 508, 510 three items; 522 国内/外事接待费.
    expect(f?.lines).toEqual([504, 506, 508, 510, 522]);
  });
});
