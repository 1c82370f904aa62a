// @vitest-environment jsdom
import { exportFileName, tableFromElement } from '@/lib/export-table';

function tableOf(html: string): HTMLTableElement {
  document.body.innerHTML = html;
  return document.querySelector('table') as HTMLTableElement;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('tableFromElement', () => {
  it('reads the caption, merged header rows and cell texts as shown', () => {
    const t = tableOf(`
      <table>
        <caption>公开03 一般公共预算财政拨款支出（万元）</caption>
        <thead>
          <tr><th rowspan="2">科目</th><th colspan="2">决算数</th></tr>
          <tr><th>基本支出<span aria-hidden="true"> ⇅</span></th><th>项目支出</th></tr>
        </thead>
        <tbody>
          <tr><td><button class="expand-button" aria-label="展开">▸</button> 201 一般公共服务</td><td>1,234.50</td><td>—</td></tr>
          <tr><td>合计</td><td><a href="#/source/x?line=3">42,684.35</a></td><td>0.00</td></tr>
        </tbody>
      </table>`);
    expect(tableFromElement(t)).toEqual({
      title: '公开03 一般公共预算财政拨款支出（万元）',
      columns: ['科目', '决算数 基本支出', '决算数 项目支出'],
      rows: [
        ['201 一般公共服务', '1,234.50', '—'],
        ['合计', '42,684.35', '0.00'],
      ],
    });
  });
});

describe('exportFileName', () => {
  it.each([
    ['三公经费：预算与决算', 'csv', '三公经费：预算与决算.csv'],
    ['a:b', 'csv', 'a b.csv'],
    ['a/b\\c*?', 'xlsx', 'a b c.xlsx'],
    ['', 'png', '导出.png'],
  ])('%j → %j', (title, ext, expected) => {
    expect(exportFileName(title, ext)).toBe(expected);
  });
});
