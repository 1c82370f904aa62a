/**
 * Headline figures and the inspect summary. Expected figures typed from the fixtures: seed 000
 * (大同市行政审批服务管理局[部门] 2024) laid out nationally, and the 上海市普陀区司法局 2026 budget.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeLayout } from '@/ingest/layout/describe';
import { headlineOf } from '@/ingest/layout/headline';
import { linesOfLayoutText } from '@/ingest/layout/layout-lines';
import { readLayoutTables } from '@/ingest/layout/read-layout';

const read = (name: string) =>
  readLayoutTables(
    linesOfLayoutText(
      readFileSync(new URL(`../fixtures/national/${name}`, import.meta.url), 'utf8'),
    ),
  );

describe('headlineOf', () => {
  const datong = read('datong-dept-2024-final.layout.txt');
  const h = headlineOf(datong);

  it('takes 本年收入/支出合计 from the right tables, with unit, page and line', () => {
    expect(h.incomeTotal).toEqual({
      v: '3540.62',
      unit: '万元',
      table: '一、收入支出决算总表',
      page: 1,
      line: 16,
    });
    expect(h.expenditureTotal?.v).toBe('3540.42');
    expect(h.fiscalIncomeTotal?.v).toBe('3540.32');
    expect(h.fiscalExpenditureTotal).toMatchObject({ v: '3540.09', line: 28 });
  });

  it('keeps 基本/项目 totals in the unit their table prints (元 here)', () => {
    expect(h.basicTotal).toMatchObject({ v: '15200900.00', unit: '元', line: 36 });
    expect(h.projectTotal).toMatchObject({ v: '20203200.00', unit: '元', line: 36 });
  });

  it('gives the 三公 parts by phase; blank cells are null, not zero', () => {
    expect(h.threePublic.actual.total?.v).toBe('1.01');
    expect(h.threePublic.budget.vehicleRunning?.v).toBe('1.01');
    expect(h.threePublic.actual.abroad).toBeNull();
    expect(h.threePublic.actual.reception).toBeNull();
  });

  it('does not take a budget’s 收入总计 for 本年收入合计', () => {
    const putuo = headlineOf(read('putuo-justice-2026-budget.pdftotext.txt'));
    expect(putuo.incomeTotal).toBeNull();
    expect(putuo.threePublic.budget.total).toMatchObject({ v: '10.81', unit: '万元', page: 6 });
    expect(putuo.threePublic.budget.abroad?.v).toBe('0');
  });
});

describe('describeLayout', () => {
  it('lists tables and headline figures in Chinese, saying where each was printed', () => {
    const datong = read('datong-dept-2024-final.layout.txt');
    const lines = describeLayout(datong, headlineOf(datong));
    // 合计, 201, 201 03, 201 03 06 with three amounts each, 221 02 01 with two (lines 36–41).
    expect(lines).toContain('  三、支出决算表（第 1 页第 30 行，单位：元，5 行，14 个数字）');
    expect(lines).toContain(
      '  本年收入合计：3540.62 万元（一、收入支出决算总表，第 1 页第 16 行）',
    );
    expect(lines).toContain(
      '  “三公”经费决算数·合计：1.01 万元（四、财政拨款“三公”经费支出决算表，第 1 页第 52 行）',
    );
  });
});
