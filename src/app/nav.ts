import { VIEW_LABELS, VIEW_NAMES } from '@/store/types';
import type { ViewName } from '@/store/types';

/** Top navigation: every view in its order, but 数据文件 (the header's own link). */
export const NAV_ITEMS: readonly { view: ViewName; label: string }[] = VIEW_NAMES.filter(
  (view) => view !== 'data',
).map((view) => ({ view, label: VIEW_LABELS[view] }));
