/**
 * Turns an OS Places delivery point (upper case, PAF fields) into the words a resident uses for
 * their home: "12 High Street", "Flat 3, 12 High Street", "Rose Cottage, Mill Lane".
 */

/** The DPA fields we read; OS sends many more. */
export interface DeliveryPoint {
  UPRN: string;
  ADDRESS: string;
  ORGANISATION_NAME?: string;
  SUB_BUILDING_NAME?: string;
  BUILDING_NAME?: string;
  BUILDING_NUMBER?: string;
  DEPENDENT_THOROUGHFARE_NAME?: string;
  THOROUGHFARE_NAME?: string;
  POST_TOWN?: string;
  POSTCODE: string;
}

// Joining words stay lower case inside a name: "Isle of Wight", "Stoke-on-Trent".
const SMALL_WORDS = new Set(['and', 'at', 'by', 'de', 'en', 'in', 'le', 'of', 'on', 'the', 'under', 'upon', 'with']);

/** "ST. MARY'S ROAD" → "St. Mary's Road"; "221B" and "12A" keep their letters upper case. */
export function toTitleCase(text: string): string {
  let wordIndex = 0;
  return text.trim().replace(/\s+/g, ' ').split(' ').map((word) => {
    const index = wordIndex++;
    if (/\d/.test(word)) return word.toUpperCase();
    return word.toLowerCase().split('-').map((part, partIndex) => {
      if ((index > 0 || partIndex > 0) && SMALL_WORDS.has(part)) return part;
      return capitalise(part);
    }).join('-');
  }).join(' ');
}

function capitalise(part: string): string {
  // "o'neill" → "O'Neill", but "mary's" → "Mary's".
  return part.replace(/(^|[('])([a-z])/g, (match, before: string, letter: string, offset: number) => {
    if (before === "'" && part.length - offset <= 2) return match;
    return before + letter.toUpperCase();
  });
}

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? toTitleCase(trimmed) : undefined;
}

/**
 * PAF puts a building "name" that is really a number ("12A", "1-3", "221B") on the same line as
 * the street, like a building number, so it is spoken "221B Baker Street".
 */
function isNumberLike(name: string): boolean {
  return /^\d+[A-Z]?(\s?-\s?\d+[A-Z]?)?$/i.test(name);
}

/** The street line: "12 High Street", "4 Mill Court, High Street", or just "High Street". */
function streetLine(point: DeliveryPoint, number: string | undefined): string | undefined {
  const streets = [clean(point.DEPENDENT_THOROUGHFARE_NAME), clean(point.THOROUGHFARE_NAME)].filter((s): s is string => !!s);
  if (streets.length === 0) return number;
  const [first, ...rest] = streets;
  return [number ? `${number} ${first}` : first, ...rest].join(', ');
}

/** The address as a resident would say it, without town or postcode. */
export function spokenLabel(point: DeliveryPoint): string {
  const subBuilding = clean(point.SUB_BUILDING_NAME);
  const buildingName = clean(point.BUILDING_NAME);
  const buildingNumber = point.BUILDING_NUMBER?.trim() || undefined;
  const parts: string[] = [];
  const organisation = clean(point.ORGANISATION_NAME);
  if (organisation) parts.push(organisation);

  let number = buildingNumber;
  let named = buildingName;
  if (named && !number && isNumberLike(named)) {
    number = named.toUpperCase();
    named = undefined;
  }
  if (subBuilding && named && isNumberLike(subBuilding)) {
    // "3, Rose Court" is spoken "3 Rose Court".
    parts.push(`${subBuilding} ${named}`);
  } else {
    if (subBuilding) parts.push(subBuilding);
    if (named) parts.push(named);
  }
  const street = streetLine(point, number);
  if (street) parts.push(street);
  if (parts.length > 0) return parts.join(', ');
  // Nothing structured: fall back to OS's own one-line address, minus town and postcode.
  const fallback = point.ADDRESS.split(',').map((s) => s.trim()).filter((s) => s && s !== point.POSTCODE && s !== point.POST_TOWN);
  return toTitleCase(fallback.join(', '));
}

// Made on first use: building a collator loads ICU's collation data, a few milliseconds of a cold
// start that may never sort an address.
let collator: Intl.Collator | undefined;

/** The order a resident expects to hear a postcode's homes: by street, then number (2 before 10), flats in order, named houses last. */
export function compareDeliveryPoints(a: DeliveryPoint, b: DeliveryPoint): number {
  const key = (p: DeliveryPoint) => {
    const number = p.BUILDING_NUMBER?.trim() || (p.BUILDING_NAME && isNumberLike(p.BUILDING_NAME.trim()) ? p.BUILDING_NAME.trim() : '');
    return [
      p.THOROUGHFARE_NAME ?? '',
      p.DEPENDENT_THOROUGHFARE_NAME ?? '',
      number ? '0' : '1',
      number,
      number ? '' : (p.BUILDING_NAME ?? ''),
      p.BUILDING_NAME ?? '',
      p.SUB_BUILDING_NAME ?? '',
      p.ORGANISATION_NAME ?? '',
    ];
  };
  const left = key(a);
  const right = key(b);
  for (let i = 0; i < left.length; i++) {
    const order = (collator ??= new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' })).compare(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}
