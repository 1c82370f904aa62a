import { describe, expect, it } from 'vitest';
import { entryMatches, governmentLevel, levelLabel, unitLevel } from '@/data/labels';
import { realManifest } from '../features/real-data';

const entry = (name: string) => {
  const e = realManifest().bundles.find((b) => b.unit.name === name);
  if (!e) throw new Error(name);
  return e;
};

describe('unit levels', () => {
  it.each([
    // name, level, kind, label
    ['山西省行政审批服务管理局', '省级', null, '省级'],
    ['大同市行政审批服务管理局[部门]', '市级', null, '市级'],
    // The service center is unit 032002 of the city's dept 032 (its 决算 text), a 市级 unit.
    ['大同市政务服务中心', '市级', '服务中心', '市级 · 服务中心'],
    ['朔州市朔城区行政审批服务管理局', '区县级', null, '区县级'],
  ])('%s: %s %s → %s', (name, level, kind, label) => {
    const e = entry(name);
    expect(unitLevel(e.unit)).toEqual({ level, kind });
    expect(levelLabel(e.unit)).toBe(label);
  });

  it('reads the government level from the name', () => {
    expect(governmentLevel('山西省政务服务中心')).toBe('省级');
    expect(governmentLevel('朔州市朔城区政务服务中心')).toBe('区县级');
    expect(governmentLevel('大同市政务服务中心')).toBe('市级');
  });

  it('a level filter finds the service center among the 市级 units', () => {
    const found = realManifest()
      .bundles.filter((e) => entryMatches(e, '市级'))
      .map((e) => e.unit.name);
    expect(found).toContain('大同市政务服务中心');
    expect(found).not.toContain('山西省行政审批服务管理局');
    expect(entryMatches(entry('大同市政务服务中心'), '服务中心 2024')).toBe(true);
  });
});
