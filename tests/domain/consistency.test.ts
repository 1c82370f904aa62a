import { describe, expect, it } from 'vitest';
import { checkPercent } from '@/domain/consistency';

describe('checkPercent: a printed percentage against its own printed amounts', () => {
  it.each([
    // part, whole, printed, verdict, the rate the amounts give at the printed precision
    ['42238.46', '2296.91', '1838.93', 'exact', '1838.93'], // province 一般公共预算 (line 474)
    ['13.06', '13.06', '100', 'exact', '100'], // printed without decimals
    // service center J残疾人就业保障金 (line 587): 1.894 ÷ 2.42 = 78.26; 2.42 stands for anything
    // in [2.415, 2.425), which gives 78.10–78.43: 78.28 is a rounding difference (提示).
    ['1.894', '2.42', '78.28', 'rounding', '78.26'],
    // service center QT其他养人2 (line 684): 1.4 ÷ 4.09 = 34.23, printed 34.24.
    ['1.4', '4.09', '34.24', 'rounding', '34.23'],
    // district 项目支出总体执行进度 (line 1218): 652.22 ÷ 791.96 = 82.36 whatever the rounding
    // of the amounts (82.354–82.356): 82.26 is a real mistake.
    ['652.22', '791.96', '82.26', 'mismatch', '82.36'],
    ['47.973', '100', '47.97', 'exact', '47.97'],
    ['47.973', '100', '47.99', 'mismatch', '47.97'],
  ] as const)('%s ÷ %s printed %s%%: %s', (part, whole, printed, verdict, computed) => {
    const r = checkPercent(part, whole, printed);
    expect(r.verdict).toBe(verdict);
    expect(r.computed?.toFixed(computed.includes('.') ? 2 : 0)).toBe(computed);
  });

  it('has no rate over a zero whole', () => {
    expect(checkPercent('34.00', '0', '0')).toEqual({ verdict: 'noBase', computed: null });
  });
});
