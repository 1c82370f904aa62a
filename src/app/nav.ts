import { VIEW_LABELS } from '@/store/types';
import type { ViewName } from '@/store/types';

/** Top navigation in display order (数据文件 is the header's own link). */
export const NAV_ITEMS: readonly { view: ViewName; label: string }[] = (
  [
    'overview',
    'execution',
    'yoy',
    'sangong',
    'performance',
    'tables',
    'checks',
    'matrix',
    'flags',
    'source',
    'present',
  ] as const
).map((view) => ({ view, label: VIEW_LABELS[view] }));
