/**
 * Counts are not money. A document may print 公开10 in 元 (many outside Shanxi do): its 政府采购
 * and 机关运行经费 rows are then 元, but its 车辆数 rows still count vehicles, so 2 辆 must stay 2,
 * not become 0.0002 万元. Figures: 大同市行政审批服务管理局[部门] 2024年部门决算, 公开10 (lines
 * 437–455), as a document printing the table in 元 would print it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Table } from '@/data/schema';
import { tableCell, tablesIn万元 } from '@/data/table-cell';
import { matrixCells } from '@/features/matrix/matrix-data';

const bundle = JSON.parse(
  readFileSync(join(__dirname, '../../public/data/datong-city-dept-2024-final.json'), 'utf8'),
) as Bundle;

/** The city department's 公开10 as printed in 元: money rows × 10,000, counts as they are. */
const IN_YUAN: Record<string, string | null> = {
  '政府采购情况/合计': '11578500.00',
  '政府采购情况/货物': '4110900.00',
  '政府采购情况/工程': '1801000.00',
  '政府采购情况/服务': '5666600.00',
  '机关运行经费/行政单位': '975200.00',
  '机关运行经费/参照公务员法管理事业单位': '351100.00',
  '国有资产占用情况/车辆数合计（辆）': '2',
  '国有资产占用情况/机要通信用车': '2',
};

function withTable10InYuan(b: Bundle): Bundle {
  return {
    ...b,
    tables: b.tables.map((t): Table => {
      if (t.id !== '公开10') return t;
      return {
        ...t,
        unit: '元',
        rows: t.rows.map((r) => {
          const v = IN_YUAN[r.key];
          return v === undefined || v === null
            ? r
            : { ...r, cells: { value: { v, line: r.line } } };
        }),
      };
    }),
  };
}

const yuan = withTable10InYuan(bundle);

describe('a 公开10 printed in 元', () => {
  it('its money rows read in 万元, its vehicle counts as printed', () => {
    expect(tableCell(yuan.tables, '公开10', '政府采购情况/合计', 'value')).toEqual({
      v: '1157.85',
      line: 437,
      printedAs: '11578500.00',
    });
    expect(tableCell(yuan.tables, '公开10', '国有资产占用情况/车辆数合计（辆）', 'value')).toEqual({
      v: '2',
      line: 446,
    });
  });

  it('checks across tables see 2 vehicles, not 0.0002', () => {
    const t10 = tablesIn万元(yuan.tables).find((t) => t.id === '公开10');
    const row = (key: string) => t10?.rows.find((r) => r.key === key)?.cells['value']?.v;
    expect(row('政府采购情况/服务')).toBe('566.66');
    expect(row('国有资产占用情况/车辆数合计（辆）')).toBe('2');
    expect(row('国有资产占用情况/机要通信用车')).toBe('2');
  });

  it('对比矩阵: 车辆 2 辆 (公开10, in 元 or not), 车均运行维护费 1.01 ÷ 1 financed car', () => {
    const cells = matrixCells(yuan);
    expect(cells['vehicles']?.fig?.v).toBe('2');
    expect(cells['runningPerVehicle']?.fig?.v).toBe('1.01');
  });
});
