import type { ViewName } from '@/store/types';

/** Top navigation in display order; `ready` views work, the others show a placeholder for now. */
export const NAV_ITEMS: readonly { view: ViewName; label: string; ready: boolean }[] = [
  { view: 'overview', label: '总览', ready: true },
  { view: 'execution', label: '预算执行', ready: false },
  { view: 'yoy', label: '同比变化', ready: false },
  { view: 'sangong', label: '三公经费', ready: false },
  { view: 'performance', label: '绩效评价', ready: false },
  { view: 'tables', label: '明细表', ready: false },
  { view: 'checks', label: '数据校验', ready: false },
  { view: 'source', label: '原文', ready: true },
  { view: 'present', label: '演示', ready: true },
];
