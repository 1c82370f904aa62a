import type { ViewName } from '@/store/types';

/** Top navigation in display order. */
export const NAV_ITEMS: readonly { view: ViewName; label: string }[] = [
  { view: 'overview', label: '总览' },
  { view: 'execution', label: '预算执行' },
  { view: 'yoy', label: '同比变化' },
  { view: 'sangong', label: '三公经费' },
  { view: 'performance', label: '绩效评价' },
  { view: 'tables', label: '明细表' },
  { view: 'checks', label: '数据校验' },
  { view: 'matrix', label: '对比矩阵' },
  { view: 'flags', label: '疑点' },
  { view: 'source', label: '原文' },
  { view: 'present', label: '演示' },
];
