/**
 * The smallest use of the library: assess one enterprise and print the statement and the total.
 *
 *   npx tsx examples/basic.ts          the statement in Chinese
 *   npx tsx examples/basic.ts --en     in English
 *
 * An enterprise that moved its registrations from Tianjin to Mentougou in 2023, became a Beijing
 * SRDI "little giant" the same year, rents 1,500 m² of offices in the district and signed the
 * retention commitment: M1 (500,000) + M2 (100,000) + M3 rent subsidy for 2023 and 2024.
 */
import { safeAssess, type PolicyRequestInput } from '../src/index.js';
import { explain } from '../src/entries/explain.js';

const request: PolicyRequestInput = {
  asOf: '2024-12-31',
  enterprise: {
    id: 'E202',
    name: '津京协同新材料有限公司',
    independentLegalPerson: true,
    registrations: [
      { kind: 'business', region: 'outside-beijing', from: '2011-07-01' },
      { kind: 'tax', region: 'outside-beijing', from: '2011-07-01' },
      { kind: 'business', region: 'mentougou', from: '2023-04-01' },
      { kind: 'tax', region: 'mentougou', from: '2023-04-01' },
    ],
    physicalOperationInDistrict: true,
    designations: [{ level: 'municipal-little-giant', obtainedOn: '2023-11-20' }],
    contributions: [
      { year: 2023, amount: '820000' },
      { year: 2024, amount: '1100000' },
    ],
    leases: [{ id: 'HQ', areaSqm: '1500', start: '2023-04-01', end: '2028-03-31', dailyRentPerSqm: '1.8', selfUse: true, inDistrict: true }],
    smallOrMicro: true,
    retentionCommitmentSignedOn: '2023-04-10',
  },
};

const lang = process.argv.includes('--en') ? 'en' : 'zh';
const outcome = safeAssess(request);
if (!outcome.ok) {
  for (const issue of outcome.issues) console.error(`${issue.path.join('.')}: ${issue.zh} / ${issue.en}`);
  process.exit(2);
}
const result = outcome.value;
console.log(explain(result, { lang }));
console.log(`totalPayable: ${result.totalPayable}`);
for (const m of result.measures) {
  if (m.payable !== null && m.payable !== '0.00') console.log(`  ${m.measure}: ${m.payable}`);
}
