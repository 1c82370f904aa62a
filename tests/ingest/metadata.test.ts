import { levelOf, readMeta } from '@/ingest/metadata';
import { makeSourceDoc } from '@/ingest/source-doc';

describe('levelOf: the unit level from its own name', () => {
  it.each([
    ['山西省行政审批服务管理局', '省级'],
    ['大同市行政审批服务管理局[部门]', '市级'],
    ['大同市行政审批服务管理局', '市级'],
    ['大同市政务服务中心', '服务中心'],
    ['朔州市朔城区行政审批服务管理局', '区县级'],
    ['晋中市榆次区行政审批服务管理局', '区县级'],
    ['阳泉市盂县行政审批服务管理局', '区县级'],
    ['河北省示范服务管理局', '省级'],
  ] as const)('%s → %s', (name, level) => {
    expect(levelOf(name)).toBe(level);
  });
});

describe('readMeta', () => {
  it('reads unit, scope, kind, year and codes from the standard wording', () => {
    const doc = makeSourceDoc(
      'x.txt',
      [
        '某某市某某局',
        '2025年度单位决算公开',
        '部门名称：某某市某某局',
        '主管部门及代码\t\t101-某某市某某局[部门]\t\t预算单位\t101003-某某市某某局',
      ].join('\n'),
    );
    expect(readMeta(doc, '决算')).toEqual({
      unit: {
        name: '某某市某某局',
        code: '101003',
        level: '市级',
        scope: '单位',
        parent: { code: '101', name: '某某市某某局[部门]' },
      },
      kind: '决算',
      fiscalYear: 2025,
      title: '某某市某某局 2025年度单位决算',
      lines: { kindYear: 2, name: 3 },
    });
  });

  it('refuses a document whose title and tables disagree on the kind', () => {
    const doc = makeSourceDoc('y.txt', '2025年度单位预算公开\n单位名称：某局\n');
    expect(() => readMeta(doc, '决算')).toThrow(
      /y\.txt 第 1 行：标题写的是“2025年度单位预算”，但文中的标准表是决算表/,
    );
  });

  it('says when the publishing unit is not named', () => {
    const doc = makeSourceDoc('z.txt', '2025年度部门决算\n');
    expect(() => readMeta(doc, '决算')).toThrow(
      /z\.txt 第 1–2 行：全文未找到“部门名称：”或“单位名称：”/,
    );
  });

  // A year outside any disclosure's range is the text's problem, said in Chinese on its line —
  // not a schema failure blamed on the program.
  it.each([
    ['1999', 2],
    ['99999', 2],
    ['2101', 2],
  ])('refuses the year %s, naming its line', (year, line) => {
    const doc = makeSourceDoc(
      'w.txt',
      `某某市某某局\n${year}年度单位决算公开\n单位名称：某某市某某局\n`,
    );
    expect(() => readMeta(doc, '决算')).toThrow(
      `文件 w.txt 第 ${line} 行：“${year}年度单位决算”中的年度 ${year} 不是有效的预决算年度（应在 2000–2100 之间）`,
    );
  });

  it.each([2000, 2100])('accepts the year %i', (year) => {
    const doc = makeSourceDoc('v.txt', `${year}年度单位决算公开\n单位名称：某某市某某局\n`);
    expect(readMeta(doc, '决算').fiscalYear).toBe(year);
  });
});
