/**
 * Shared test enterprises, written in the contract's terms, with their figures worked out by hand.
 */
import { registeredIn, type enterpriseFacts } from './facts.js';

/** An enterprise as a test writes it (without its id). */
export type EnterpriseInput = Parameters<typeof enterpriseFacts>[1];

/**
 * A municipal little giant since 2022-06-15, founded in Mentougou; assessed on 2024-12-31:
 * - M1: first municipal little giant inside the window → 500,000.
 * - M3: trigger 2022-06-15 → support years 2023, 2024; contributions 900,000 ≥ 800,000 both years;
 *   L1 100 m² at 2 yuan/day, rate capped at 1: 2023 = 100 × 365 × 1 = 36,500.00,
 *   2024 = 100 × 366 × 1 = 36,600.00 (leap year); M3 = 73,100.00.
 * - M7: STAR listing 2024-11-20 while designated, municipal standard 1,000,000 → 1,000,000.00.
 * - M2: no move from outside Beijing → ineligible.
 * Total 500,000 + 73,100 + 1,000,000 = 1,573,100.00. Services: M6 both lines (small or micro), M9 (3 talents).
 */
export const RICH_ENTERPRISE: EnterpriseInput = {
  independentLegalPerson: true,
  registrations: registeredIn('mentougou', '2015-04-01'),
  designations: [{ level: 'municipal-little-giant', obtainedOn: '2022-06-15' }],
  contributions: [
    { year: 2023, amount: '900000' },
    { year: 2024, amount: '900000' },
  ],
  leases: [{ id: 'L1', areaSqm: 100, start: '2023-01-01', end: '2024-12-31', dailyRentPerSqm: 2, selfUse: true, inDistrict: true }],
  listing: { board: 'star', listedOn: '2024-11-20', municipalStandardReward: '1000000' },
  retentionCommitmentSignedOn: '2022-07-01',
  smallOrMicro: true,
  jingxiTalents: 3,
};
