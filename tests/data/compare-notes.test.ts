import { comparisonNotes, contains } from '@/data/compare-notes';
import { IDS, realManifest } from '../features/real-data';

const manifest = realManifest();
const entry = (id: string) => {
  const e = manifest.bundles.find((b) => b.id === id);
  if (!e) throw new Error(id);
  return e;
};

describe('comparisonNotes: what a side-by-side view must say', () => {
  it('the city 部门 contains the service center (parent code 032), and says so', () => {
    expect(contains(entry(IDS.cityDept), entry(IDS.center))).toBe(true);
    const notes = comparisonNotes([entry(IDS.cityDept), entry(IDS.center)]);
    expect(notes[0]).toBe(
      '大同市行政审批服务管理局[部门]（部门）的数字已包含大同市政务服务中心（单位），二者不可相加。',
    );
  });

  it('does not claim the 2024 部门决算 contains the 2026 单位预算', () => {
    const notes = comparisonNotes(manifest.bundles);
    const containing = notes.filter((n) => n.includes('已包含'));
    expect(containing).toEqual([
      '大同市行政审批服务管理局[部门]（部门）的数字已包含大同市政务服务中心（单位），二者不可相加。',
    ]);
    expect(notes).toContain('年度不同：2023年、2024年、2026年，每个数字属于其文件的年度。');
    expect(notes).toContain('文件类型不同：决算是实际执行数，预算是计划数，二者对比时请注意。');
  });

  it('province 单位 vs district 部门: scope and year notes, no containment', () => {
    const notes = comparisonNotes([entry(IDS.province), entry(IDS.district)]);
    expect(notes).toEqual([
      '口径不同：部门数字合并了所属各单位，单位数字只含本单位。',
      '年度不同：2023年、2024年，每个数字属于其文件的年度。',
    ]);
  });

  it('one unit alone needs no note', () => {
    expect(comparisonNotes([entry(IDS.province)])).toEqual([]);
  });
});
