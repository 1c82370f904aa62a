/** View names as the presenter lists them. */
export const NAV_LABELS: Partial<Record<string, string>> = {
  overview: '总览',
  execution: '预算执行',
  yoy: '同比变化',
  sangong: '三公经费',
  performance: '绩效评价',
  tables: '明细表',
  checks: '数据校验',
  matrix: '对比矩阵',
  flags: '疑点',
};
