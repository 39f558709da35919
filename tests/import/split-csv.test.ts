import { describe, expect, it } from 'vitest';
import { guessCsvDelimiter, splitCsv } from '../../api/src/import/split-csv.ts';

describe('splitCsv', () => {
  it('splits quoted cells with "" escapes and picks the delimiter of the first lines', () => {
    expect(splitCsv('a;b\n"x;""y""";2')).toEqual([['a', 'b'], ['x;"y"', '2']]);
    expect(splitCsv('a\tb\r\n1\t2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(splitCsv('名称，经度\n甲，105.9')).toEqual([['名称', '经度'], ['甲', '105.9']]);
  });

  it('keeps empty lines so row numbers stay line numbers, and quotes inside unquoted cells as text', () => {
    expect(splitCsv('a,b\n\n1,2 "3"\n')).toEqual([['a', 'b'], [''], ['1', '2 "3"']]);
  });

  it('refuses a quoted cell that never closes, naming its line', () => {
    expect(() => splitCsv('a,b\n1,"open\n2,3\n')).toThrow(/opened on line 2 is never closed/);
  });

  it('defaults to a comma when no delimiter appears', () => {
    expect(guessCsvDelimiter('名称')).toBe(',');
  });
});
