/** Bilingual messages (src/core/messages.ts): the `{name}` parameters of a zh/en pair. */
import { describe, expect, it } from 'vitest';
import { message } from '../../src/core/messages.js';

describe('bilingual messages', () => {
  it('fills each parameter in both languages', () => {
    expect(message({ zh: '已兑现 {paid} 元', en: '{paid} yuan paid' }, { paid: '200000.00' })).toEqual({ zh: '已兑现 200000.00 元', en: '200000.00 yuan paid' });
  });

  it('a parameter that is not given stays visible as {name}, never “undefined”', () => {
    expect(message({ zh: '已兑现 {paid} 元', en: '{paid} yuan paid' }, {})).toEqual({ zh: '已兑现 {paid} 元', en: '{paid} yuan paid' });
    expect(message({ zh: '{a}/{b}', en: '{a}/{b}' }, { a: 1 })).toEqual({ zh: '1/{b}', en: '1/{b}' });
  });
});
