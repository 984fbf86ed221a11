/** Sample homes for handler tests: a street with a named house and flats at one number. */
import type { Address } from '../../src/core/council';

function home(uprn: string, label: string, more: Partial<Address> = {}): Address {
  return { uprn, label, postcode: 'AB1 2CD', street: 'High Street', town: 'Demoton', ...more };
}

export const HIGH_STREET: Address[] = [
  home('100000000001', '10 High Street', { buildingNumber: '10' }),
  home('100000000002', '12 High Street', { buildingNumber: '12' }),
  home('100000000003', 'Flat 1, 14 High Street', { buildingNumber: '14' }),
  home('100000000004', 'Flat 2, 14 High Street', { buildingNumber: '14' }),
  home('100000000005', 'Rose Cottage, High Street', { buildingName: 'Rose Cottage' }),
];

export const MILL_LANE: Address[] = [
  { uprn: '200000000001', label: '4 Mill Lane', postcode: 'AB1 3EF', buildingNumber: '4', street: 'Mill Lane' },
];
