import { convertAmount, convertPlaces } from '@/domain/money';

// 大同市行政审批服务管理局 2026年单位预算: the project J一枚印章管审批改革工作经费 is printed in
// 预算12 as 114.72 (万元, line 376) and in its 绩效目标表 as 1,147,200 (元, line 468).
describe('convertAmount', () => {
  it('turns the 绩效目标表 amount in 元 into the 预算12 figure in 万元', () => {
    expect(convertAmount('1147200', '元', '万元').toFixed()).toBe('114.72');
  });

  it('turns the 预算12 figure in 万元 into 元', () => {
    expect(convertAmount('114.72', '万元', '元').toFixed()).toBe('1147200');
  });

  it('never rounds: 元 with fen keep every digit in 万元', () => {
    expect(convertAmount('96282213.44', '元', '万元').toFixed()).toBe('9628.221344');
  });

  it('leaves an amount in its own unit as printed', () => {
    expect(convertAmount('11.28', '万元', '万元').toFixed()).toBe('11.28');
  });
});

describe('convertPlaces', () => {
  it('0.01 万元 is 100 元: two places become -2', () => {
    expect(convertPlaces(2, '万元', '元')).toBe(-2);
  });

  it('1 元 is 0.0001 万元: no places become 4', () => {
    expect(convertPlaces(0, '元', '万元')).toBe(4);
  });

  it('is unchanged within one unit', () => {
    expect(convertPlaces(2, '元', '元')).toBe(2);
  });
});
