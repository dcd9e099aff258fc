/**
 * The prose forms a statement uses for request paths and other programmes (src/core/messages.ts):
 * positions counted from 1 as people count, only a whole-number segment after the first being a position;
 * programme ids named once each, the known ones by their names.
 */
import { describe, expect, it } from 'vitest';
import { pathInProse, programNames } from '../../src/core/messages.js';

describe('pathInProse', () => {
  it('a path without a position is itself in both languages', () => {
    expect(pathInProse('enterprise.physicalOperationInDistrict')).toEqual({ zh: 'enterprise.physicalOperationInDistrict', en: 'enterprise.physicalOperationInDistrict' });
  });

  it('position 3 of a list is its 4th item; a field after it is named of that item', () => {
    expect(pathInProse('institution.introducedEnterprises.3.highestLevel')).toEqual({ zh: 'institution.introducedEnterprises 第 4 项的 highestLevel', en: 'highestLevel of item 4 of institution.introducedEnterprises' });
  });

  it('a position at the end names the item itself; positions of more than one digit count too', () => {
    expect(pathInProse('enterprise.leases.0')).toEqual({ zh: 'enterprise.leases 第 1 项', en: 'item 1 of enterprise.leases' });
    expect(pathInProse('enterprise.leases.12.areaSqm').zh).toBe('enterprise.leases 第 13 项的 areaSqm');
  });

  it('positions inside positions are named from the outside in (zh) and the inside out (en)', () => {
    expect(pathInProse('a.1.b.2.c')).toEqual({ zh: 'a 第 2 项的 b 第 3 项的 c', en: 'c of item 3 of b of item 2 of a' });
  });

  it('only a whole-number segment after the first is a position: “3a”, “a3” and a leading number are not', () => {
    for (const path of ['enterprise.leases.3a.id', 'enterprise.leases.a3.id', '3.enterprise']) expect(pathInProse(path)).toEqual({ zh: path, en: path });
  });
});

describe('programNames', () => {
  it('a known programme by its name, the others as “id”, each once, in the order given', () => {
    expect(programNames(['zgc-mentougou-park', 'city-award', 'city-award', 'park-award'])).toEqual({
      zh: '中关村门头沟园房租补贴、其他政策“city-award”、“park-award”',
      en: 'the ZGC Mentougou Park rent subsidy and the other programmes “city-award”, “park-award”',
    });
  });

  it('one unknown programme is “the other programme” (singular); a known one alone is just its name', () => {
    expect(programNames(['city-award'])).toEqual({ zh: '其他政策“city-award”', en: 'the other programme “city-award”' });
    expect(programNames(['zgc-mentougou-park'])).toEqual({ zh: '中关村门头沟园房租补贴', en: 'the ZGC Mentougou Park rent subsidy' });
  });
});
